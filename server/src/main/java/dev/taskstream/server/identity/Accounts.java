package dev.taskstream.server.identity;

import dev.taskstream.api.ErrorCode;
import dev.taskstream.api.InputRules;
import dev.taskstream.api.TaskstreamException;
import dev.taskstream.api.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Sign-up and login for the embedded identity provider. */
@Service
class Accounts {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** BCrypt reads only the first 72 bytes; a longer password would silently lose its tail. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_EMAIL_LENGTH = 254;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    /** Compared against when the email is unknown, so both failures take the same time. */
    private final String decoyHash;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    UserId signUp(String email, String password) {
        String normalized = validEmail(email);
        checkStrong(password, normalized);
        UserId user = new UserId(UUID.randomUUID());
        try {
            jdbc.sql("INSERT INTO account (user_id, email, password_hash) VALUES (?, ?, ?)")
                    .params(user.value(), normalized, passwords.encode(password))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new TaskstreamException(ErrorCode.EMAIL_TAKEN, "email",
                    "An account with this email exists already; log in instead.");
        }
        return user;
    }

    UserId logIn(String email, String password) {
        Optional<StoredAccount> account = email == null || !InputRules.isSingleLine(email) ? Optional.empty()
                : jdbc.sql("SELECT user_id, password_hash FROM account WHERE lower(email) = ?")
                        .param(email.strip().toLowerCase(Locale.ROOT))
                        .query(StoredAccount.class)
                        .optional();
        String hash = account.map(StoredAccount::passwordHash).orElse(decoyHash);
        boolean matches = password != null && passwords.matches(password, hash);
        if (account.isEmpty() || !matches) {
            throw new TaskstreamException(ErrorCode.BAD_CREDENTIALS, null, "Email or password is wrong.");
        }
        return new UserId(account.get().userId());
    }

    private static String validEmail(String email) {
        String normalized = email == null ? "" : InputRules.singleLine("email", email.strip()).toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalized).matches()) {
            throw TaskstreamException.invalidField("email", "Give an email address such as ada@example.org.");
        }
        return normalized;
    }

    private static void checkStrong(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw weak("Use at least " + MIN_PASSWORD_LENGTH + " characters; a few words make a good password.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw weak("Use at most " + MAX_PASSWORD_BYTES + " bytes.");
        }
        if (password.chars().distinct().count() < 4) {
            throw weak("Use more than a few different characters.");
        }
        String localPart = email.substring(0, email.indexOf('@'));
        if (localPart.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(localPart)) {
            throw weak("Do not build the password from your email address.");
        }
    }

    private static TaskstreamException weak(String detail) {
        return new TaskstreamException(ErrorCode.WEAK_PASSWORD, "password", detail);
    }

    private record StoredAccount(UUID userId, String passwordHash) {
    }
}
