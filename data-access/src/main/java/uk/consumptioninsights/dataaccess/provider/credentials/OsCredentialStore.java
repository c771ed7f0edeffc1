package uk.consumptioninsights.dataaccess.provider.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;

/**
 * The operating system's credential store through java-keyring: macOS Keychain, Windows Credential Manager, or the
 * freedesktop Secret Service (GNOME Keyring, KWallet) over D-Bus on Linux. Each call opens and closes the keyring so
 * a store that appears later (a user unlocking their session) is picked up.
 */
public final class OsCredentialStore implements CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(OsCredentialStore.class);

    @Override
    public SecretWriteAnswer store(String service, String account, ProviderSecret secret) {
        Objects.requireNonNull(secret, "secret");
        return write(service, account, keyring -> keyring.setPassword(service, account, secret.value()));
    }

    @Override
    public SecretReadAnswer read(String service, String account) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(account, "account");
        Keyring keyring;
        try {
            keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return unavailable(e);
        }
        try (keyring) {
            String value = keyring.getPassword(service, account);
            return value == null || value.isEmpty() ? new SecretAbsent() : new SecretFound(new ProviderSecret(value));
        } catch (PasswordAccessException e) {
            if (isMissingEntry(e)) {
                return new SecretAbsent();
            }
            return failedAccess(e);
        } catch (Exception | LinkageError e) {
            return failedAccess(e);
        }
    }

    @Override
    public SecretWriteAnswer delete(String service, String account) {
        return write(service, account, keyring -> {
            try {
                keyring.deletePassword(service, account);
            } catch (PasswordAccessException e) {
                if (!isMissingEntry(e)) {
                    throw e;
                }
            }
        });
    }

    /** Why the store cannot be used on this machine, or empty when it can be opened. */
    public Optional<CredentialStoreUnavailable> unavailability() {
        try (Keyring keyring = Keyring.create()) {
            return Optional.empty();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return Optional.of(unavailable(e));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private interface KeyringChange {
        void apply(Keyring keyring) throws PasswordAccessException;
    }

    private static SecretWriteAnswer write(String service, String account, KeyringChange change) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(account, "account");
        Keyring keyring;
        try {
            keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return unavailable(e);
        }
        try (keyring) {
            change.apply(keyring);
            return new SecretWritten();
        } catch (Exception | LinkageError e) {
            return failedAccess(e);
        }
    }

    private static boolean isMissingEntry(PasswordAccessException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("not found") || message.contains("no such") || message.contains("could not find");
    }

    private static CredentialStoreUnavailable unavailable(Throwable e) {
        // The library's messages name the backend problem only, never the secret.
        LOG.info("No operating-system credential store: {}", e.toString());
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String hint = os.contains("linux")
                ? "On Linux a Secret Service (GNOME Keyring or KWallet) must be running and unlocked in your session."
                : "The operating system's credential store could not be opened.";
        return CredentialStoreUnavailable.noStore(hint);
    }

    private static CredentialStoreUnavailable failedAccess(Throwable e) {
        LOG.warn("Credential store refused access: {}", e.toString());
        return CredentialStoreUnavailable.accessRefused(String.valueOf(e.getMessage()));
    }
}
