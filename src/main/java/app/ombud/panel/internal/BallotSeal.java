package app.ombud.panel.internal;

import app.ombud.panel.Choice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The secrets of the ballot box (DESIGN.md §5 and its stretch): a key the database does not hold,
 * from {@code ombud.panel.ballot-key} (Base64, 32 bytes or more) or else a key file beside the
 * embedded store, created on first use. From it come
 * <ul>
 * <li>the voter tag, an HMAC of panel and member, which marks that a member voted without naming
 * them to anyone reading the database;</li>
 * <li>the sealed choice, AES-256-GCM bound to the panel and the receipt, one byte of plaintext so
 * every sealed ballot has the same length: a database operator reading documents or the oplog
 * cannot tell choices apart, nor move a ballot to another panel;</li>
 * <li>the key ID stored with each panel, so a wrong key is noticed before a ballot is cast or
 * counted.</li>
 * </ul>
 * Receipts are random and carry nothing.
 */
@Component
public class BallotSeal {

    private static final Logger log = LoggerFactory.getLogger(BallotSeal.class);
    private static final String RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final Supplier<Keys> keys;

    BallotSeal(@Value("${ombud.panel.ballot-key:}") String configuredKey,
            @Value("${ombud.panel.ballot-key-file:./data/ballot.key}")
            Path keyFile) {
        this.keys = SingletonSupplier.of(() -> Keys.of(master(configuredKey, keyFile)));
    }

    private record Keys(byte[] encryption, byte[] voterTags, String id) {
        static Keys of(byte[] master) {
            return new Keys(hmac(master, "ombud-ballot-encryption"), hmac(master, "ombud-ballot-voter-tag"),
                    HexFormat.of().formatHex(hmac(master, "ombud-ballot-key-id"), 0, 8));
        }
    }

    /** Names the key without revealing it; stored with each panel. */
    public String keyId() {
        return keys.get().id();
    }

    /** The mark that this member voted on this panel; the same member gives another tag on another panel. */
    public String voterTag(UUID panelId, String employeeId) {
        byte[] tag = hmac(keys.get().voterTags(), panelId + "\n" + employeeId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
    }

    /** A fresh receipt, e.g. 7K3Q-9XWM-3HTP-V8RA (80 random bits). */
    public String newReceipt() {
        StringBuilder receipt = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                receipt.append('-');
            }
            receipt.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
        }
        return receipt.toString();
    }

    /** The choice, sealed to this panel and receipt. */
    public String seal(UUID panelId, String receipt, Choice choice) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            cipher.updateAAD(associated(panelId, receipt));
            byte[] sealed = cipher.doFinal(new byte[] {(byte) choice.ordinal()});
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal a ballot", e);
        }
    }

    /** Opens a sealed choice; fails if the ballot was sealed with another key, panel or receipt. */
    public Choice open(UUID panelId, String receipt, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES));
            cipher.updateAAD(associated(panelId, receipt));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Choice.values()[plain[0]];
        } catch (GeneralSecurityException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalStateException("A ballot of panel " + panelId + " cannot be opened with this key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(keys.get().encryption(), "AES"), new GCMParameterSpec(128, nonce));
        return cipher;
    }

    private static byte[] associated(UUID panelId, String receipt) {
        return (panelId + "\n" + receipt).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] master(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.strip());
            if (key.length < 32) {
                throw new IllegalStateException("ombud.panel.ballot-key must be at least 32 bytes (Base64)");
            }
            return key;
        }
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            log.warn("Created the ballot key {}: back it up with the store; without it closed panels cannot be "
                    + "counted. With several instances or a real MongoDB set OMBUD_PANEL_BALLOT_KEY instead.",
                    file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the ballot key " + file, e);
        }
    }
}
