package io.basira.server.platform.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Finds the dashboard user signing in by e-mail address (any case, surrounding spaces ignored). */
public final class DashboardUserDetails implements UserDetailsService {

    private final JdbcDashboardUsers users;

    public DashboardUserDetails(JdbcDashboardUsers users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        String normal;
        try {
            normal = DashboardUser.normalEmail(email);
        } catch (IllegalArgumentException e) {
            throw new UsernameNotFoundException("not an e-mail address");
        }
        return users.findByEmail(normal)
                .map(found -> new DashboardPrincipal(found.user(), found.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("no such dashboard user"));
    }
}
