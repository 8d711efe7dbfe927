package app.ombud.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The built-in issuer's RSA key, kept in the store so tokens survive a restart and every
 * instance signs and verifies with the same key. The first instance to start creates it.
 */
class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    private static final String KEY_ID = "jwt-signing-key";

    private final MongoTemplate mongo;
    private final Clock clock;

    SigningKeyStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document("signing_keys")
    record StoredKey(@Id String id, String jwk, Instant createdAt) {
    }

    RSAKey loadOrCreate() {
        StoredKey stored = mongo.findById(KEY_ID, StoredKey.class);
        if (stored == null) {
            try {
                RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
                mongo.insert(new StoredKey(KEY_ID, key.toJSONString(), clock.instant()));
                log.info("Created the token signing key {}", key.getKeyID());
                return key;
            } catch (DuplicateKeyException e) {
                stored = mongo.findById(KEY_ID, StoredKey.class);
            } catch (JOSEException e) {
                throw new IllegalStateException("Cannot generate the token signing key", e);
            }
        }
        try {
            return RSAKey.parse(stored.jwk());
        } catch (ParseException e) {
            throw new IllegalStateException("The stored token signing key is unreadable", e);
        }
    }
}
