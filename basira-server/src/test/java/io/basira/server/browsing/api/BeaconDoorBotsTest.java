package io.basira.server.browsing.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The user agents the beacon ignores as bots: any of the listed words, in any case, anywhere in the agent. */
class BeaconDoorBotsTest {

    @Test
    void bots_are_known_by_a_word_of_their_agent_in_any_case() {
        assertThat(BeaconDoor.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
                .isTrue();
        assertThat(BeaconDoor.isBot("Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0 Safari/537.36"))
                .isTrue();
        assertThat(BeaconDoor.isBot("CURL/8.5.0")).isTrue();
        assertThat(BeaconDoor.isBot("Python-Requests/2.32")).isTrue();
        assertThat(BeaconDoor.isBot("Mozilla/5.0 (compatible; Chrome-Lighthouse)"))
                .isTrue();
        assertThat(BeaconDoor.isBot("facebookexternalhit/1.1")).isTrue();
    }

    @Test
    void browsers_are_not_bots() {
        assertThat(BeaconDoor.isBot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"))
                .isFalse();
        assertThat(BeaconDoor.isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile"))
                .isFalse();
        assertThat(BeaconDoor.isBot("curl")).as("curl/ with its version only").isFalse();
    }
}
