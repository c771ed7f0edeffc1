package uk.consumptioninsights.dataaccess.governance;

/**
 * One privilege held on a securable, as {@code SHOW GRANTS} reports it.
 *
 * @param objectType where the grant sits (CATALOG, SCHEMA, TABLE, VIEW…); inherited grants name the parent
 * @param objectKey  the full name of that object
 */
public record Grant(String principal, String privilege, String objectType, String objectKey) {
}
