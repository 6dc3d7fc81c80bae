package org.fusioncell.exchange.packages.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The installation's Ed25519 package-signing key pair, made on first use and kept in {@code exchange_package_key}
 * (the private key as PKCS#8; docs/packages.md says what that means for operators). Made and stored in a
 * transaction of its own, so that a package whose own work rolls back never leaves a key only in memory; two
 * nodes making one at once agree on the first stored.
 */
@Component
class InstallationKeys {

    static final String ID = "installation";

    /** The pair with the public key as partners register it and its fingerprint. */
    record Pair(PublicKey publicKey, PrivateKey privateKey, String publicBase64, String fingerprint) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;
    private volatile Pair cached;

    InstallationKeys(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Pair current() {
        Pair pair = cached;
        if (pair == null) {
            pair = own.execute(s -> loadOrCreate());
            cached = pair;
        }
        return pair;
    }

    private Pair loadOrCreate() {
        if (load() == null) {
            KeyPair made = generate();
            String publicBase64 = Base64.getEncoder().encodeToString(made.getPublic().getEncoded());
            jdbc.sql("""
                    INSERT INTO exchange_package_key (id, public_key, private_key, fingerprint, created_at)
                    VALUES (:id, :pub, :priv, :fp, :at) ON CONFLICT DO NOTHING""")
                    .param("id", ID).param("pub", publicBase64)
                    .param("priv", Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()))
                    .param("fp", PackageFile.fingerprint(made.getPublic()))
                    .param("at", Timestamp.from(Instant.now(clock))).update();
        }
        return load();
    }

    private Pair load() {
        return jdbc.sql("SELECT public_key, private_key FROM exchange_package_key WHERE id = :id").param("id", ID)
                .query((rs, n) -> pair(rs.getString(1), rs.getString(2))).optional().orElse(null);
    }

    private static Pair pair(String publicBase64, String privateBase64) {
        try {
            PublicKey pub = PackageFile.publicKey(publicBase64);
            PrivateKey priv = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64)));
            return new Pair(pub, priv, publicBase64, PackageFile.fingerprint(pub));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored package-signing key cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }
}
