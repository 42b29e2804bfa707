package io.basira.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs may receive webhooks: every resolved address public, unless private addresses are allowed. */
class EndpointAddressesTest {

    /** A resolver of fixed names, so no test depends on the machine's DNS. */
    static final Map<String, String[]> NAMES = Map.of(
            "shop.example", new String[] {"93.184.215.14"},
            "mixed.example", new String[] {"93.184.215.14", "10.0.0.7"}, // one private address is enough
            "rebind.example", new String[] {"169.254.169.254"},
            "v6.example", new String[] {"2606:2800:21f:cb07::1"},
            "ula.example", new String[] {"fd12:3456::1"});

    static final EndpointAddresses STRICT = new EndpointAddresses(false, EndpointAddressesTest::resolve);

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] literal = NAMES.get(host);
        if (literal == null) {
            if (host.matches("[0-9.]+|.*:.*")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        InetAddress[] addresses = new InetAddress[literal.length];
        for (int i = 0; i < literal.length; i++) {
            addresses[i] = InetAddress.getByName(literal[i]);
        }
        return addresses;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://shop.example/hooks",
                "http://shop.example:8080/a?b=c",
                "https://v6.example/",
                "https://93.184.215.14/x"
            })
    void public_addresses_are_accepted(String url) {
        assertThat(STRICT.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/",
                "http://10.1.2.3/",
                "http://172.16.5.4/",
                "http://192.168.1.1/",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/",
                "http://[fe80::1]/",
                "http://0.0.0.0/",
                "http://100.64.0.1/",
                "http://[::ffff:127.0.0.1]/",
                "https://mixed.example/",
                "https://rebind.example/",
                "https://ula.example/",
                "http://224.0.0.1/"
            })
    void private_loopback_and_link_local_addresses_are_refused_naming_the_address(String url) {
        assertThatThrownBy(() -> STRICT.check(url))
                .isInstanceOf(EndpointAddresses.Refused.class)
                .hasMessageContaining("resolves to")
                .hasMessageContaining("basira.webhooks.allow-private-addresses");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://shop.example/",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "shop.example/hooks",
                "https://user:pw@shop.example/",
                "https:///nohost",
                "https://shop.example/#frag",
                "http://nowhere.example/"
            })
    void other_schemes_credentials_and_unresolvable_hosts_are_refused(String url) {
        assertThatThrownBy(() -> STRICT.check(url))
                .isInstanceOf(EndpointAddresses.Refused.class)
                .hasMessageStartingWith("url: ");
    }

    @Test
    void configuration_may_allow_private_addresses_but_never_other_schemes() {
        EndpointAddresses lenient = new EndpointAddresses(true, EndpointAddressesTest::resolve);
        assertThat(lenient.check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> lenient.check("ftp://127.0.0.1/")).isInstanceOf(EndpointAddresses.Refused.class);
    }
}
