package vn.thidua.web.security;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void refusesShortCommonRepetitiveAndTheUserNameInVietnamese() {
        assertThat(PasswordPolicy.refusal("minh", "aaaaaaaa")).get().asString().contains("ít nhất 12 ký tự");
        assertThat(PasswordPolicy.refusal("minh", "password")).get().asString().contains("12");
        assertThat(PasswordPolicy.refusal("minh", "password1234")).get().asString().contains("phổ biến");
        assertThat(PasswordPolicy.refusal("minh", "Password123!")).get().asString().contains("phổ biến");
        assertThat(PasswordPolicy.refusal("minh", "QWERTYUIOP123")).get().asString().contains("phổ biến");
        assertThat(PasswordPolicy.refusal("nguoidung-01", "nguoidung-01")).get().asString().contains("tên đăng nhập");
        assertThat(PasswordPolicy.refusal("minhanh", "xx-MinhAnh-2026")).get().asString().contains("tên đăng nhập");
        assertThat(PasswordPolicy.refusal("minh", "abababababababab")).get().asString().contains("ký tự khác nhau");
        assertThat(PasswordPolicy.refusal("minh", "")).isPresent();
        assertThat(PasswordPolicy.refusal("minh", null)).isPresent();
    }

    @Test
    void boundsTheLengthInCharactersAndInBcryptBytes() {
        assertThat(PasswordPolicy.refusal("minh", "a1b2c3d4e5".repeat(7))).get().asString().contains("tối đa 64");
        String vietnamese = "Mật khẩu rất dài của tôi ở Thanh Hoá, Việt Nam năm hai nghìn";
        assertThat(PasswordPolicy.refusal("minh", vietnamese)).get().asString().contains("72 byte");
        assertThat(PasswordPolicy.refusal("minh", "a1b2c3d4".repeat(8))).isEmpty();
    }

    @Test
    void acceptsPassphrasesAndTheTestsOwnPasswords() {
        for (String ok : new String[]{"Thi đua là yêu nước 2026", "correct horse battery", "It-password-1",
                "Ops-it-secret-1", "ops-password-1", "Bench-password-1", "Ops-nodes-secret-1"}) {
            assertThat(PasswordPolicy.refusal("ops", ok)).as(ok).isEmpty();
        }
    }

    /** The demo seeder's passwords: 14 characters drawn at random from letters and digits. */
    @Test
    void generatedDemoPasswordsPass() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        for (int n = 0; n < 1000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(PasswordPolicy.refusal("can-bo-1", s.toString())).as(s.toString()).isEmpty();
        }
    }
}
