package io.basira.segment.audience;

import io.basira.card.CustomerSnapshot;
import io.basira.segment.eval.CustomerProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/** Loads test profiles into an audience (row = position in the list) and their groups into bitmaps. */
final class AudienceFixtures {

    private AudienceFixtures() {}

    static <A extends CustomerAudience> A load(A audience, List<CustomerProfile> profiles) {
        for (int i = 0; i < profiles.size(); i++) {
            CustomerProfile profile = profiles.get(i);
            audience.upsert(new CustomerSnapshot(1000L + i, profile.customer(), profile.card(), profile.analytics()));
        }
        return audience;
    }

    /** Group key → rows of the profiles that are in it; an unknown group has no members. */
    static Function<String, RoaringBitmap> groups(List<CustomerProfile> profiles) {
        Map<String, RoaringBitmap> members = new HashMap<>();
        for (int row = 0; row < profiles.size(); row++) {
            for (String key : profiles.get(row).groupKeys()) {
                members.computeIfAbsent(key, k -> new RoaringBitmap()).add(row);
            }
        }
        RoaringBitmap none = new RoaringBitmap();
        return key -> members.getOrDefault(key, none);
    }
}
