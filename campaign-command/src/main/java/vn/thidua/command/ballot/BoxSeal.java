package vn.thidua.command.ballot;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals a ballot in the box under a key held outside the database ({@code thidua.ballot.box-key}): AES-GCM with a
 * fresh random nonce per ballot and the ballot's id as associated data, so a database administrator reading the box
 * while the vote is open sees no choice, and two equal ballots look different. Without a key a ballot is kept as
 * it is (the embedded demo); README, "Secret ballot: threat model".
 */
public final class BoxSeal {
    static final String PREFIX = "aesgcm1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key 16, 24 or 32 bytes, or null to keep ballots unsealed */
    public BoxSeal(byte[] key) {
        if (key != null && key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("the ballot box key is 16, 24 or 32 bytes (base64), not " + key.length);
        }
        this.key = key == null ? null : new SecretKeySpec(key.clone(), "AES");
    }

    /** From the configured text: base64 of the key, or blank for none. */
    public static BoxSeal fromBase64(String text) {
        return new BoxSeal(text == null || text.isBlank() ? null : Base64.getDecoder().decode(text.trim()));
    }

    public boolean sealing() {
        return key != null;
    }

    String seal(String ballotId, String plain) {
        if (key == null) {
            return plain;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ballotId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a ballot could not be sealed");
        }
    }

    String open(String ballotId, String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        if (key == null) {
            throw new IllegalStateException("the ballot box holds sealed ballots and no key is configured"
                    + " (thidua.ballot.box-key)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(ballotId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a sealed ballot could not be opened (another key, or altered)");
        }
    }
}
