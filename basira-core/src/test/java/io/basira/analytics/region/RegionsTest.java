package io.basira.analytics.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.analytics.AnalysisWindow;
import io.basira.analytics.CustomerFact;
import io.basira.analytics.OrderFact;
import io.basira.analytics.StoreFacts;
import io.basira.commerce.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionsTest {

    private static final Instant SIGNUP = Instant.parse("2024-01-01T00:00:00Z");

    private static CustomerFact customer(String id, String city, String region, String country) {
        return new CustomerFact(id, city, region, country, SIGNUP);
    }

    private static OrderFact order(String customer, long minor) {
        return OrderFact.of(customer, Instant.parse("2024-05-01T09:00:00Z"), OrderStatus.COMPLETED, minor, false);
    }

    @Test
    void spellings_of_one_place_share_a_key() {
        assertThat(PlaceNames.key("Al-Ahsa")).isEqualTo(PlaceNames.key("al ahsa"));
        assertThat(PlaceNames.key("الأحساء")).isEqualTo(PlaceNames.key("الاحساء"));
        assertThat(PlaceNames.key("جدة")).isEqualTo(PlaceNames.key("جده"));
        assertThat(PlaceNames.key("  Riyadh Region ")).isEqualTo("riyadh");
        assertThat(SaudiCity.find("جدة")).isEqualTo(SaudiCity.find("JEDDAH"));
        assertThat(SaudiCity.find("Jiddah").orElseThrow().region()).isEqualTo(SaudiRegion.MAKKAH);
        assertThat(SaudiRegion.find("المنطقة الشرقية")).contains(SaudiRegion.EASTERN);
        assertThat(SaudiRegion.find("Eastern Province")).contains(SaudiRegion.EASTERN);
        assertThat(SaudiRegion.find("منطقة مكة المكرمة")).contains(SaudiRegion.MAKKAH);
    }

    @Test
    void the_census_table_has_the_thirteen_regions_and_the_2022_total() {
        assertThat(SaudiRegion.values()).hasSize(13);
        assertThat(Arrays.stream(SaudiRegion.values())
                        .mapToLong(SaudiRegion::population2022)
                        .sum())
                .isEqualTo(32_175_224L);
        assertThat(PopulationTable.saudiCensus2022().population("SA", "منطقة الرياض"))
                .hasValue(8_591_748L);
    }

    @Test
    void arabic_and_english_spellings_count_as_one_city_and_penetration_uses_the_census() {
        StoreFacts facts = new StoreFacts(
                ZoneId.of("Asia/Riyadh"),
                Currency.getInstance("SAR"),
                List.of(
                        customer("A", "الرياض", "منطقة الرياض", "SA"),
                        customer("B", "Riyadh", null, null),
                        customer("C", "Jeddah", "Makkah Region", "SA"),
                        customer("D", "جدة", null, "SA"),
                        customer("E", "Dubai", "Dubai", "AE"),
                        customer("F", null, null, null)),
                List.of(order("A", 10000), order("C", 5000), order("E", 700)));
        Regions.Report r = Regions.of(
                facts, AnalysisWindow.asOf(LocalDate.parse("2024-06-30")), PopulationTable.saudiCensus2022());
        Regions.Area riyadh = r.cities().stream()
                .filter(a -> a.name().equals("Riyadh"))
                .findFirst()
                .orElseThrow();
        assertThat(riyadh.customers()).isEqualTo(2);
        assertThat(riyadh.arabicName()).isEqualTo("الرياض");
        assertThat(riyadh.buyers()).isEqualTo(1);
        assertThat(riyadh.revenue()).isEqualByComparingTo("100.00");
        Regions.Area makkah = r.regions().stream()
                .filter(a -> a.name().equals("Makkah"))
                .findFirst()
                .orElseThrow();
        assertThat(makkah.customers()).isEqualTo(2);
        assertThat(makkah.population()).isEqualTo(8_021_463L);
        assertThat(makkah.customersPer100k()).isEqualByComparingTo("0.02");
        Regions.Area dubai = r.regions().stream()
                .filter(a -> a.name().equals("Dubai"))
                .findFirst()
                .orElseThrow();
        assertThat(dubai.population()).as("not in the Saudi table").isNull();
        assertThat(dubai.arabicName()).isEqualTo("دبي");
        assertThat(r.regions()).extracting(Regions.Area::name).contains(Regions.UNKNOWN);
        assertThat(r.regions()).hasSize(4);
    }

    @Test
    void an_uploaded_table_adds_other_countries() {
        PopulationTable table = PopulationTable.saudiCensus2022()
                .with(List.of(new PopulationTable.Row("ae", "Dubai", 3_600_000)), "upload");
        assertThat(table.population("AE", "dubai")).hasValue(3_600_000L);
        assertThat(table.population("SA", "Riyadh")).hasValue(8_591_748L);
        assertThat(table.source()).isEqualTo("GASTAT census 2022 (SA) + upload");
        assertThatThrownBy(() -> new PopulationTable.Row("UAE", "Dubai", 1)).hasMessageContaining("alpha-2");
        assertThatThrownBy(() -> new PopulationTable.Row("AE", "Dubai", 0)).hasMessageContaining("must be > 0");
    }

    private static Regions.Report report(CustomerFact... customers) {
        StoreFacts facts =
                new StoreFacts(ZoneId.of("Asia/Riyadh"), Currency.getInstance("SAR"), List.of(customers), List.of());
        return Regions.of(facts, AnalysisWindow.asOf(LocalDate.parse("2024-06-30")), PopulationTable.gulf());
    }

    @Test
    void gulf_cities_in_arabic_or_english_are_one_place_in_their_region() {
        Regions.Report r = report(
                customer("A", "Dubai", null, "AE"),
                customer("B", "دبي", null, "AE"),
                customer("C", "Doha", null, "QA"),
                customer("D", "الدوحة", null, null),
                customer("E", "Salmiya", null, "KW"),
                customer("F", "مدينة الكويت", null, "KW"),
                customer("G", "المنامة", null, "BH"),
                customer("H", "Muscat", null, "OM"),
                customer("I", "Al Ain", null, "AE"));
        assertThat(r.cities())
                .extracting(Regions.Area::name)
                .containsExactlyInAnyOrder("Dubai", "Doha", "Salmiya", "Kuwait City", "Manama", "Muscat", "Al Ain");
        assertThat(r.cities())
                .filteredOn(a -> a.name().equals("Dubai"))
                .singleElement()
                .satisfies(a -> assertThat(a.customers()).isEqualTo(2));
        assertThat(r.regions())
                .extracting(a -> a.country() + ":" + a.name())
                .containsExactlyInAnyOrder(
                        "AE:Dubai",
                        "AE:Abu Dhabi",
                        "QA:Doha",
                        "KW:Hawalli",
                        "KW:Capital Governorate (Kuwait)",
                        "BH:Capital Governorate (Bahrain)",
                        "OM:Muscat");
        assertThat(r.regions()).allSatisfy(a -> assertThat(a.population()).isPositive());
    }

    @Test
    void customers_without_a_city_are_one_unknown_city_per_region_and_one_unknown_region_in_all() {
        Regions.Report r = report(
                customer("A", null, "Makkah Region", "SA"),
                customer("B", null, "منطقة الرياض", "SA"),
                customer("C", "Jeddah", null, "SA"),
                customer("D", null, null, "AE"),
                customer("E", null, null, "SA"),
                customer("F", null, null, null));
        assertThat(r.regions())
                .filteredOn(a -> a.name().equals(Regions.UNKNOWN))
                .singleElement()
                .satisfies(a -> assertThat(a.customers()).isEqualTo(3));
        assertThat(r.cities())
                .filteredOn(a -> a.name().equals(Regions.UNKNOWN))
                .extracting(a -> a.region() + "=" + a.customers())
                .containsExactlyInAnyOrder("Makkah=1", "Riyadh=1", Regions.UNKNOWN + "=3");
        assertThat(r.regions())
                .filteredOn(a -> a.name().equals("Makkah"))
                .singleElement()
                .satisfies(a -> assertThat(a.customers()).isEqualTo(2));
    }

    @Test
    void the_aliases_of_the_gulf_name_one_place_each() {
        for (String makkah : List.of("Makkah", "Mecca", "Mekkah", "مكة", "مكة المكرمة", "MAKKAH AL-MUKARRAMAH")) {
            assertThat(Gazetteer.city("SA", makkah))
                    .as(makkah)
                    .map(Gazetteer.City::english)
                    .contains("Makkah");
        }
        for (String jeddah : List.of("Jeddah", "Jiddah", "جدة", "جده")) {
            assertThat(Gazetteer.city(null, jeddah))
                    .as(jeddah)
                    .map(c -> c.region().english())
                    .contains("Makkah");
        }
        assertThat(Gazetteer.city("", "الخبر")).map(Gazetteer.City::english).contains("Khobar");
        assertThat(Gazetteer.city("", "Al Khobar")).map(Gazetteer.City::english).contains("Khobar");
        assertThat(Gazetteer.city("", "المدينة المنورة"))
                .map(Gazetteer.City::english)
                .contains("Madinah");
        assertThat(Gazetteer.city("", "Medina")).map(Gazetteer.City::english).contains("Madinah");
        assertThat(Gazetteer.city("", "دبي")).map(Gazetteer.City::country).contains("AE");
        assertThat(Gazetteer.region("", "Capital Governorate"))
                .as("Kuwait's and Bahrain's: the country decides")
                .isEmpty();
        assertThat(Gazetteer.region("BH", "العاصمة"))
                .map(Gazetteer.Region::arabic)
                .contains("محافظة العاصمة (البحرين)");
        assertThat(Gazetteer.regions())
                .extracting(Gazetteer.Region::country)
                .containsOnly("SA", "AE", "KW", "QA", "BH", "OM");
        assertThat(Gazetteer.regions()).hasSize(13 + 7 + 6 + 8 + 4 + 11);
        assertThat(PopulationTable.gulf().population("AE", "إمارة دبي")).hasValue(3_655_000L);
        assertThat(PopulationTable.gulf().population("SA", "Mecca")).hasValue(8_021_463L);
    }
}
