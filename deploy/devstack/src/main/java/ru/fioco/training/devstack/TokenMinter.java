package ru.fioco.training.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints bearer tokens signed with the local key, shaped as the platform's identity provider issues
 * them: issuer, audience, expiry, one role in {@code groups}, and for a representative the
 * organisation's INN in the claim {@code org}.
 */
public final class TokenMinter {

    /** Issuer of local tokens; services verify it (configuration {@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "https://id.training.local/devstack";
    /** Audience of every token for the platform's services. */
    public static final String AUDIENCE = "training-platform";

    private final SigningKeys keys;

    public TokenMinter(SigningKeys keys) {
        this.keys = keys;
    }

    public String staff(String subject) {
        return mint(subject, "staff", null, Duration.ofHours(12));
    }

    public String auditor(String subject) {
        return mint(subject, "auditor", null, Duration.ofHours(12));
    }

    public String representative(String subject, String organisationInn) {
        return mint(subject, "representative", organisationInn, Duration.ofHours(12));
    }

    /** A token for any role; {@code organisationInn} may be null. */
    public String mint(String subject, String role, String organisationInn, Duration lifetime) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .expiresIn(lifetime);
        if (organisationInn != null) {
            claims.claim("org", organisationInn);
        }
        return claims.jws().keyId("devstack").sign(keys.privateKey());
    }

    /**
     * Command line: {@code TokenMinter <keys dir> <role> <subject> [org INN]} prints one token.
     * The local run's {@code ./platform-token} script calls this.
     */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: TokenMinter <keys dir> <staff|auditor|representative> <subject> [organisation INN]");
            System.exit(2);
        }
        TokenMinter minter = new TokenMinter(SigningKeys.inDirectory(Path.of(args[0])));
        String org = args.length > 3 ? args[3] : null;
        if ("representative".equals(args[1]) && org == null) {
            System.err.println("a representative's token needs the organisation's INN");
            System.exit(2);
        }
        System.out.println(minter.mint(args[2], args[1], org, Duration.ofHours(12)));
    }
}
