package uk.consumptioninsights.dataaccess.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.model.access.MeterIdentity;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.cases.CaseActivity;
import uk.consumptioninsights.model.cases.CaseCategory;
import uk.consumptioninsights.model.cases.CaseField;
import uk.consumptioninsights.model.cases.CaseId;
import uk.consumptioninsights.model.cases.CaseMeter;
import uk.consumptioninsights.model.cases.CasePriority;
import uk.consumptioninsights.model.cases.CaseReport;
import uk.consumptioninsights.model.cases.CaseStatus;
import uk.consumptioninsights.model.meter.MeterPseudonym;
import uk.consumptioninsights.model.meter.Mpan;

/**
 * The SQL of the case tables, the same on DuckDB and Databricks but for the dialect: {@code case_reports} (one row per
 * case, its {@code version} and the {@code write_id} of the write that made it), {@code case_activity} (the trail)
 * and {@code case_report_mpans} (the MPAN of cases raised under Settlement, kept apart so that on the warehouse only
 * Settlement's group is granted it; {@code case_reports} says only {@code meter_kind = 'mpan'} for them). Values are
 * always parameters; nullable text goes in as '' and is stored as NULL, so that no driver has to bind a null.
 */
final class CaseTables {

    private final SqlDialect dialect;
    private final String reports;
    private final String activity;
    private final String mpans;

    /** @param namespace the quoted schema (or catalog.schema) holding the three tables */
    CaseTables(SqlDialect dialect, String namespace) {
        this.dialect = dialect;
        this.reports = namespace + ".case_reports";
        this.activity = namespace + ".case_activity";
        this.mpans = namespace + ".case_report_mpans";
    }

    String reports() {
        return reports;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** The meter key column as {@code purpose} may read it; only Settlement's reads ever name the MPAN table. */
    private String meterKey(PurposeRole purpose) {
        if (purpose.meterIdentity() == MeterIdentity.RAW_MPAN) {
            return "CASE WHEN r.meter_kind = 'mpan' THEN (SELECT max(m.mpan) FROM " + mpans
                    + " m WHERE m.case_id = r.case_id) ELSE r.meter_key END";
        }
        if (purpose.meterIdentity() == MeterIdentity.PSEUDONYM) {
            return "CASE WHEN r.meter_kind = 'pseudonym' THEN r.meter_key END";
        }
        return "CAST(NULL AS STRING)";
    }

    private String columns(PurposeRole purpose) {
        return "r.case_id, r.title, r.category, r.priority, r.assignee, r.description, r.status, r.linked_anomaly_id, "
                + "r.meter_kind, " + meterKey(purpose) + " AS meter_key, r.raised_under, r.version, "
                + dialect.epochMillis("r.created_at_utc") + " AS created_ms, r.created_by, "
                + dialect.epochMillis("r.updated_at_utc") + " AS updated_ms, r.updated_by, r.write_id";
    }

    SqlQuery find(PurposeRole purpose, CaseId id) {
        return new SqlQuery("case", "read the case", reports, "SELECT " + columns(purpose) + " FROM " + reports
                + " r WHERE r.case_id = ?", List.of(id.value()));
    }

    /** The page of {@code query}, most recently updated first (case id breaks ties, so pages never overlap). */
    SqlQuery page(PurposeRole purpose, CaseQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        parameters.add((long) query.limit());
        parameters.add((long) query.offset());
        return new SqlQuery("case_list", "list the cases", reports, "SELECT " + columns(purpose) + " FROM " + reports
                + " r" + where + " ORDER BY r.updated_at_utc DESC, r.case_id LIMIT ? OFFSET ?", parameters);
    }

    SqlQuery count(CaseQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        return new SqlQuery("case_count", "count the cases", reports, "SELECT count(*) FROM " + reports + " r" + where,
                parameters);
    }

    private static String where(CaseQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (!query.text().isEmpty()) {
            // '!' escapes the user's own % and _ (and itself): the one escape character both engines take as is.
            String pattern = "%" + query.text().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%";
            conditions.add("(lower(r.title) LIKE ? ESCAPE '!' OR lower(r.description) LIKE ? ESCAPE '!')");
            parameters.add(pattern);
            parameters.add(pattern);
        }
        inList("r.status", query.statuses(), CaseStatus::code, conditions, parameters);
        inList("r.category", query.categories(), CaseCategory::code, conditions, parameters);
        inList("r.priority", query.priorities(), CasePriority::code, conditions, parameters);
        query.assignee().ifPresent(assignee -> {
            conditions.add("lower(r.assignee) = ?");
            parameters.add(assignee.toLowerCase(java.util.Locale.ROOT));
        });
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static <E> void inList(String column, Collection<E> values, Function<E, String> code,
                                   List<String> conditions, List<Object> parameters) {
        if (values.isEmpty()) {
            return;
        }
        conditions.add(column + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")");
        values.stream().map(code).sorted().forEach(parameters::add);
    }

    SqlQuery activityOf(CaseId id) {
        return new SqlQuery("case_activity", "read the case's activity", activity, "SELECT case_id, version, "
                + dialect.epochMillis("at_utc") + ", actor, field, from_value, to_value FROM " + activity
                + " WHERE case_id = ? ORDER BY version, entry_no", List.of(id.value()));
    }

    SqlQuery insertActivity(List<CaseActivity> entries) {
        List<Object> parameters = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            CaseActivity entry = entries.get(i);
            rows.add("(?, ?, ?, " + dialect.timestampOfEpochMillis("?") + ", ?, ?, NULLIF(?, ''), NULLIF(?, ''))");
            parameters.add(entry.caseId().value());
            parameters.add(entry.version());
            parameters.add((long) i);
            parameters.add(entry.at().toEpochMilli());
            parameters.add(entry.actor());
            parameters.add(entry.field().code());
            parameters.add(entry.from().orElse(""));
            parameters.add(entry.to().orElse(""));
        }
        return new SqlQuery("case_activity_insert", "record the case's activity", activity, "INSERT INTO " + activity
                + " (case_id, version, entry_no, at_utc, actor, field, from_value, to_value) VALUES "
                + String.join(", ", rows), parameters);
    }

    SqlQuery insertMpan(CaseId id, Mpan mpan) {
        return new SqlQuery("case_mpan_insert", "record the case's meter", mpans, "INSERT INTO " + mpans
                + " (case_id, mpan) VALUES (?, ?)", List.of(id.value(), mpan.core()));
    }

    /**
     * The values of a case row as a SELECT of parameters, in the order of {@link #ROW_COLUMNS}; a raw MPAN is never
     * among them ({@code meter_key} is NULL for kind 'mpan').
     */
    String rowSelect() {
        return "SELECT ? AS case_id, ? AS title, ? AS category, ? AS priority, NULLIF(?, '') AS assignee, "
                + "? AS description, ? AS status, NULLIF(?, '') AS linked_anomaly_id, NULLIF(?, '') AS meter_kind, "
                + "NULLIF(?, '') AS meter_key, ? AS raised_under, CAST(? AS BIGINT) AS version, "
                + dialect.timestampOfEpochMillis("?") + " AS created_at_utc, ? AS created_by, "
                + dialect.timestampOfEpochMillis("?") + " AS updated_at_utc, ? AS updated_by, ? AS write_id";
    }

    static final String ROW_COLUMNS = "case_id, title, category, priority, assignee, description, status, "
            + "linked_anomaly_id, meter_kind, meter_key, raised_under, version, created_at_utc, created_by, "
            + "updated_at_utc, updated_by, write_id";

    static List<Object> rowValues(CaseReport report, String writeId) {
        CaseMeter meter = report.meter();
        String storedKey = meter instanceof CaseMeter.MpanMeter ? "" : meter.key().orElse("");
        return List.of(report.id().value(), report.title(), report.category().code(), report.priority().code(),
                report.assignee().orElse(""), report.description(), report.status().code(),
                report.linkedAnomalyId().orElse(""), meter.kind().orElse(""), storedKey, report.raisedUnder().name(),
                report.version(), report.createdAt().toEpochMilli(), report.createdBy(),
                report.updatedAt().toEpochMilli(), report.updatedBy(), writeId);
    }

    /** A row read with {@link #find} or {@link #page}. */
    static CaseReport read(ResultSet rs) throws SQLException {
        return new CaseReport(new CaseId(rs.getString("case_id")), rs.getString("title"),
                CaseCategory.fromCode(rs.getString("category")), CasePriority.fromCode(rs.getString("priority")),
                Optional.ofNullable(rs.getString("assignee")), nonNull(rs.getString("description")),
                CaseStatus.fromCode(rs.getString("status")), Optional.ofNullable(rs.getString("linked_anomaly_id")),
                meter(rs.getString("meter_kind"), rs.getString("meter_key")),
                PurposeRole.valueOf(rs.getString("raised_under")), rs.getLong("version"),
                Instant.ofEpochMilli(rs.getLong("created_ms")), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("updated_ms")), rs.getString("updated_by"));
    }

    static List<CaseReport> readAll(ResultSet rs) throws SQLException {
        List<CaseReport> cases = new ArrayList<>();
        while (rs.next()) {
            cases.add(read(rs));
        }
        return cases;
    }

    static Optional<CaseReport> readOne(ResultSet rs) throws SQLException {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
    }

    static Optional<String> writeIdOf(ResultSet rs) throws SQLException {
        return rs.next() ? Optional.ofNullable(rs.getString("write_id")) : Optional.empty();
    }

    static List<CaseActivity> readActivity(ResultSet rs) throws SQLException {
        List<CaseActivity> entries = new ArrayList<>();
        while (rs.next()) {
            entries.add(new CaseActivity(new CaseId(rs.getString(1)), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                    rs.getString(4), CaseField.fromCode(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                    Optional.ofNullable(rs.getString(7))));
        }
        return entries;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** A kind with no key readable by this purpose is a withheld meter. */
    private static CaseMeter meter(String kind, String key) {
        if (kind == null) {
            return CaseMeter.none();
        }
        if (key == null) {
            return new CaseMeter.WithheldMeter();
        }
        return switch (kind) {
            case CaseMeter.MPAN_KIND -> new CaseMeter.MpanMeter(new Mpan(key));
            case CaseMeter.PSEUDONYM_KIND -> new CaseMeter.PseudonymMeter(new MeterPseudonym(key));
            default -> throw new IllegalStateException("A stored case has meter kind '" + kind
                    + "', which this version of the workbench does not know.");
        };
    }
}
