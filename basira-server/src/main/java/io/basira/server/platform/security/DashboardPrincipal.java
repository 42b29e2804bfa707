package io.basira.server.platform.security;

import java.util.Collection;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security keeps it in the session. The hash is only needed while the
 * password is checked and is erased afterwards ({@link CredentialsContainer}).
 */
public final class DashboardPrincipal implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final DashboardUser user;
    private String passwordHash;

    DashboardPrincipal(DashboardUser user, String passwordHash) {
        this.user = user;
        this.passwordHash = passwordHash;
    }

    public DashboardUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.role().authorities().stream()
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.email();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
