package uk.consumptioninsights.dataaccess.provider.credentials;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;

/** Test double: a credential store that keeps secrets in memory only. */
public final class InMemoryCredentialStore implements CredentialStore {

    private final Map<String, ProviderSecret> secrets = new ConcurrentHashMap<>();

    @Override
    public SecretWriteAnswer store(String service, String account, ProviderSecret secret) {
        secrets.put(service + '\n' + account, secret);
        return new SecretWritten();
    }

    @Override
    public SecretReadAnswer read(String service, String account) {
        ProviderSecret secret = secrets.get(service + '\n' + account);
        return secret == null ? new SecretAbsent() : new SecretFound(secret);
    }

    @Override
    public SecretWriteAnswer delete(String service, String account) {
        secrets.remove(service + '\n' + account);
        return new SecretWritten();
    }
}
