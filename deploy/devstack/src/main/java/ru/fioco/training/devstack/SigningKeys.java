package ru.fioco.training.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The local RSA key pair that signs development and test tokens. Generated on first use into a
 * directory that is never committed; the services only ever see the public half (as a PEM file,
 * the same way they would read a real identity provider's key).
 */
public final class SigningKeys {

    public static final String PUBLIC_KEY_FILE = "token-signing.pub.pem";
    public static final String PRIVATE_KEY_FILE = "token-signing.key.pem";

    private final Path publicKeyFile;
    private final PrivateKey privateKey;

    private SigningKeys(Path publicKeyFile, PrivateKey privateKey) {
        this.publicKeyFile = publicKeyFile;
        this.privateKey = privateKey;
    }

    /** Loads the pair from {@code dir}, generating it there first if absent. */
    public static SigningKeys inDirectory(Path dir) {
        Path pub = dir.resolve(PUBLIC_KEY_FILE);
        Path key = dir.resolve(PRIVATE_KEY_FILE);
        try {
            if (!Files.exists(pub) || !Files.exists(key)) {
                generate(dir, pub, key);
            }
            return new SigningKeys(pub, readPrivateKey(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create or read the local token signing key in " + dir, e);
        }
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    private static void generate(Path dir, Path pub, Path key) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path tmpKey = Files.createTempFile(dir, "key", ".tmp");
        restrictToOwner(tmpKey);
        Files.writeString(tmpKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.move(tmpKey, key, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the folder is still git-ignored and local only
        }
    }

    private static PrivateKey readPrivateKey(Path key) throws IOException, GeneralSecurityException {
        String body = Files.readString(key, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
