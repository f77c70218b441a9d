package org.dutygraph.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.dutygraph.platform.graphql.RequestPaths;
import org.dutygraph.platform.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless bearer-token security. The HTTP layer lets anyone reach /graphql; each root field then
 * declares its callers with @auth or @public in the schema. Tokens are signed here (HS256) for local
 * accounts, or, with {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} set, come from an
 * external issuer whose tokens carry the same {@code roles} claim. Either way a token must carry {@code exp};
 * local tokens must also name an account that exists and is enabled.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    static final String ROLES_CLAIM = "roles";

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain api(HttpSecurity http, Messages messages) throws Exception {
        var roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        var tokens = new JwtAuthenticationConverter();
        tokens.setJwtGrantedAuthoritiesConverter(roles);
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/graphql",
                                "/graphiql",
                                "/graphiql/**",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/error")
                        .permitAll()
                        // Citizens have no account: photo upload for complaints and the Open311 facade are open.
                        .requestMatchers(HttpMethod.POST, "/complaints/photos")
                        .permitAll()
                        .requestMatchers("/open311/**")
                        .permitAll()
                        // service-hall systems sign their batches with their own credentials, checked by the controller
                        .requestMatchers(HttpMethod.POST, "/supervision/events", "/supervision/queue")
                        .permitAll()
                        // a citizen's signed, expiring photo link: the photo controller checks the signature
                        .requestMatchers(request -> HttpMethod.GET.matches(request.getMethod())
                                && RequestPaths.of(request).startsWith("/complaints/photos/")
                                && request.getParameter("signature") != null)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/complaints/photos/*")
                        .hasAnyRole(Role.INSPECTOR.name(), Role.UNIT_STAFF.name())
                        .requestMatchers("/inspections/evidence/*")
                        .hasRole(Role.INSPECTOR.name())
                        .anyRequest()
                        .hasRole(Role.ADMIN.name()))
                .oauth2ResourceServer(o -> o.authenticationEntryPoint(new UnauthenticatedEntryPoint(messages))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(tokens)))
                .build();
    }

    @Bean
    SecretKey tokenKey(SecurityProperties properties, Environment environment) {
        if (properties.jwtSecret() == null || properties.jwtSecret().isBlank()) {
            if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
                throw new IllegalStateException(
                        "Set dutygraph.security.jwt-secret (base64, 32+ bytes) in the prod profile");
            }
            log.warn(
                    "No dutygraph.security.jwt-secret set: signing tokens with a random key; they end with this process");
            var bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return new SecretKeySpec(bytes, "HmacSHA256");
        }
        var bytes = Base64.getDecoder().decode(properties.jwtSecret());
        if (bytes.length < 32) {
            throw new IllegalStateException("dutygraph.security.jwt-secret must decode to at least 32 bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()")
    JwtDecoder localTokenDecoder(
            SecretKey tokenKey, SecurityProperties properties, ActiveAccounts accounts, Clock clock) {
        var decoder = NimbusJwtDecoder.withSecretKey(tokenKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // Spring's defaults, with expiry judged on the application's clock (the one tokens are issued on)
        var expiry = new JwtTimestampValidator();
        expiry.setClock(clock);
        var claims = JwtValidators.createDefaultWithValidators(
                expiry, new JwtIssuerValidator(properties.issuer()), TokenLifetime.local(properties.tokenTtl(), clock));
        // the account is read (or its cached state used) only for tokens that are otherwise valid
        decoder.setJwtValidator(token -> {
            var result = claims.validate(token);
            if (result.hasErrors()) {
                // our own signature and past its expiry: the app may try its refresh token, which decides the rest
                return expiry.validate(token).hasErrors()
                        ? TokenRefusal.TOKEN_EXPIRED.failure("The token has expired")
                        : result;
            }
            return accounts.validate(token);
        });
        return decoder;
    }

    /**
     * Boot adds validator beans to the decoder it builds for an external issuer (issuer-uri): its tokens must
     * expire too. Its subjects are not looked up as local accounts; disabling a user is the issuer's business.
     */
    @Bean
    @ConditionalOnExpression("!'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isEmpty()")
    OAuth2TokenValidator<Jwt> externalTokensMustExpire(Clock clock) {
        return TokenLifetime.external(clock);
    }

    @Bean
    JwtEncoder tokenEncoder(SecretKey tokenKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(tokenKey));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
