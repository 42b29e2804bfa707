package io.basira.server.browsing.api;

import io.basira.server.browsing.BrowsingSite;
import io.basira.server.browsing.Snippet;
import io.basira.server.browsing.jdbc.JdbcBrowsingSites;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The snippet's script, {@code GET /t.js?k=SITE_KEY} (docs/browsing.md), no API key: the script with the site's
 * consent and Do-Not-Track settings, cached 5 minutes. The beacon it sends to, {@code POST /b/collect}, is
 * answered by {@link BeaconDoor}, a servlet filter ahead of the dispatcher.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // its queue exists in the server only
public class CollectController {

    private final JdbcBrowsingSites sites;
    private final String script;

    public CollectController(JdbcBrowsingSites sites) {
        this.sites = sites;
        this.script = Snippet.script();
    }

    @GetMapping(value = "/t.js", produces = "text/javascript")
    public ResponseEntity<String> script(@RequestParam(name = "k", required = false) String key) {
        Optional<BrowsingSite> site = key == null ? Optional.empty() : sites.byKey(key);
        if (site.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.valueOf("text/javascript"))
                    .body("/* Basira: no site with this key */\n");
        }
        String config = "{\"c\":" + site.get().consentRequired() + ",\"d\":"
                + site.get().honourDnt() + "}";
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
                .body(script.replace("\"__CONFIG__\"", config));
    }
}
