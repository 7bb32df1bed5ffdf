package vn.thidua.web.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords as NIST SP 800-63B (5.1.1.2) has them for memorized secrets chosen by people: at least 12 characters
 * (the standard's minimum is 8; this product asks 12), every character allowed (spaces and Vietnamese letters
 * included, compared in Unicode NFC), no composition rules, and refused when it is the user name or contains it (a name of 4 characters or more),
 * is repetitive (fewer than 4 different characters), or is on the shipped list of common passwords
 * ({@code security/common-passwords.txt}), alone or followed by digits and symbols only.
 *
 * <p>Maximum: 64 characters, and at most 72 bytes in UTF-8. BCrypt uses only the first 72 bytes of a password and
 * Spring Security refuses to hash a longer one (a 500 before this policy). Pre-hashing (SHA-256 before BCrypt)
 * would lift the byte limit but change the stored hash format of every user; refusing keeps the hashes as they
 * are, and the message says why: a Vietnamese letter with diacritics takes 2 or 3 bytes, so a long Vietnamese
 * passphrase may meet the byte limit before 64 characters. 64 characters is the length the standard says must be
 * allowed at least.
 *
 * <p>Messages are Vietnamese: they are shown to operators in the API's problem {@code errors} and in start-up logs.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why this password may not be used for this user, in Vietnamese; empty when it may. */
    public static Optional<String> refusal(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Mật khẩu không được để trống.");
        }
        String p = Normalizer.normalize(password, Normalizer.Form.NFC);
        int length = p.codePointCount(0, p.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Mật khẩu phải có ít nhất " + MIN_LENGTH + " ký tự (hiện có " + length
                    + "). Nên dùng một cụm từ dễ nhớ, có thể có dấu cách.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Mật khẩu dài tối đa " + MAX_LENGTH + " ký tự (hiện có " + length + ").");
        }
        if (p.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Mật khẩu dài quá " + MAX_BYTES + " byte khi mã hoá UTF-8 (chữ có dấu chiếm 2–3 byte);"
                    + " hãy rút ngắn lại.");
        }
        String lower = p.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : Normalizer.normalize(username.strip(), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT);
        // A name of 4 characters or more may not appear in the password; a shorter one ("ops") only not as all of it.
        if (!name.isEmpty() && (lower.equals(name) || name.length() >= 4 && lower.contains(name))) {
            return Optional.of("Mật khẩu không được là hoặc chứa tên đăng nhập.");
        }
        if (lower.codePoints().distinct().count() < 4) {
            return Optional.of("Mật khẩu lặp lại quá ít ký tự khác nhau; hãy chọn mật khẩu khó đoán hơn.");
        }
        if (isCommon(lower)) {
            return Optional.of("Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán; hãy chọn mật khẩu"
                    + " khác.");
        }
        return Optional.empty();
    }

    static boolean isCommon(String lower) {
        if (COMMON.contains(lower)) {
            return true;
        }
        // A listed word followed by digits and symbols only ("password1234", "Password123!") is just as common.
        int end = lower.length();
        while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return end > 0 && end < lower.length() && COMMON.contains(lower.substring(0, end));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.startsWith("#!comment:") && !line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
