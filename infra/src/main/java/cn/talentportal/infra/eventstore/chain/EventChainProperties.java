package cn.talentportal.infra.eventstore.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code talent.eventstore.chain.*}: the event store's hash chain and its anchors (decision 0015).
 *
 * @param privateKey        base64 PKCS#8 Ed25519 private key signing the anchors (from a secret store, the same on
 *                          every node); empty = the key pair in {@code keyFile}, generated on the first start
 * @param publicKey         base64 X.509 public key of {@code privateKey}; required with it
 * @param keyFile           where a generated key pair is kept (default {@code <talent.data-dir>/keys/event-chain-ed25519.key});
 *                          keep a copy apart from the database
 * @param trustedPublicKeys base64 X.509 public keys of earlier signing keys, so their anchors still verify
 * @param anchorInterval    how often an anchor is made (default 1 day; 0 = never automatically)
 * @param sealOnStartup     seal events stored before the chain existed, once per store (default true)
 */
@ConfigurationProperties(prefix = "talent.eventstore.chain")
public record EventChainProperties(String privateKey, String publicKey, Path keyFile, List<String> trustedPublicKeys,
                                   Duration anchorInterval, Boolean sealOnStartup) {

    public EventChainProperties {
        privateKey = privateKey == null ? "" : privateKey.trim();
        publicKey = publicKey == null ? "" : publicKey.trim();
        trustedPublicKeys = trustedPublicKeys == null ? List.of() : List.copyOf(trustedPublicKeys);
        anchorInterval = anchorInterval == null ? Duration.ofDays(1) : anchorInterval;
        sealOnStartup = sealOnStartup == null || sealOnStartup;
        if (anchorInterval.isNegative()) {
            throw new IllegalArgumentException("talent.eventstore.chain.anchor-interval must not be negative");
        }
    }

    @Override
    public String toString() {
        return "EventChainProperties[privateKey=" + (privateKey.isEmpty() ? "(key file)" : "***") + ", keyFile="
                + keyFile + ", trustedPublicKeys=" + trustedPublicKeys.size() + ", anchorInterval=" + anchorInterval
                + ", sealOnStartup=" + sealOnStartup + "]";
    }
}
