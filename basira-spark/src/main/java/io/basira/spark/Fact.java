package io.basira.spark;

import java.io.Serializable;

/**
 * One record of a customer, as the job shuffles it: the customer row itself ({@link #CUSTOMER}) or one of her
 * orders, carts, reviews or wishlist items, already parsed and validated by the core's rules (exact minor
 * units, instants read in the store's zone). For the groups, also her analytics card fields as of the day
 * ({@link #ANALYTICS}, computed by the store's analyses before the fold), her next category
 * ({@link #NEXT_CATEGORY}) and her places on the groups' manual lists ({@link #MANUAL}). A Java bean for Spark's bean encoder.
 */
public class Fact implements Serializable {

    public static final int CUSTOMER = 0;
    public static final int ORDER = 1;
    public static final int CART = 2;
    public static final int REVIEW = 3;
    public static final int WISHLIST = 4;
    /** the customer's analytics line ({@code values}: {@link AnalyticsJob#text}'s columns) */
    public static final int ANALYTICS = 5;
    /** the customer on a group's manual list ({@code group}; {@code code} {@code added} or {@code excluded}) */
    public static final int MANUAL = 6;
    /** the customer's next category ({@code category}; {@link NextCategoryJob}), for the rule field next_category */
    public static final int NEXT_CATEGORY = 7;
    /**
     * one browsing event of a visitor linked to the customer ({@link BrowsingJob}): {@code code} its kind,
     * {@code sessionId}, {@code productId}, {@code category}, the instant
     */
    public static final int BROWSING = 8;
    /**
     * one entry of the customer's points ledger ({@link LoyaltyJob}): {@code code} its cause, {@code ref},
     * {@code amountMinor} its points, {@code shortfall}, {@code multiplierPermille}, {@code entry} (the order it was
     * appended in), the instant it was recorded and the one its points became available
     */
    public static final int LOYALTY = 9;

    private String store;
    private String customerId;
    private int kind;
    /** an order's or cart's status code */
    private String code;

    private long epochSecond;
    private int nano;
    private long amountMinor;
    private boolean discounted;
    private String reviewId;
    private boolean ofStore;
    private int rating;
    // the customer's attributes (kind CUSTOMER), as the canonical CSV gives them
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String gender;
    private String birthDate;
    private String city;
    private String region;
    private String country;
    private String tags;
    // an order's product categories (the distinct categories of its lines' products) and the one when single
    private int categories;
    private String category;
    // kind ANALYTICS: the analytics line; kind MANUAL: the group
    private java.util.List<String> values;
    private String group;
    // kind BROWSING: the event's session and product
    private String sessionId;
    private String productId;
    // kind LOYALTY: the ledger entry's own columns
    private long entry;
    private String ref;
    private long shortfall;
    private int multiplierPermille;
    private long availableEpochSecond;
    private int availableNano;

    public Fact() {}

    public long getEntry() {
        return entry;
    }

    public void setEntry(long entry) {
        this.entry = entry;
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public long getShortfall() {
        return shortfall;
    }

    public void setShortfall(long shortfall) {
        this.shortfall = shortfall;
    }

    public int getMultiplierPermille() {
        return multiplierPermille;
    }

    public void setMultiplierPermille(int multiplierPermille) {
        this.multiplierPermille = multiplierPermille;
    }

    public long getAvailableEpochSecond() {
        return availableEpochSecond;
    }

    public void setAvailableEpochSecond(long availableEpochSecond) {
        this.availableEpochSecond = availableEpochSecond;
    }

    public int getAvailableNano() {
        return availableNano;
    }

    public void setAvailableNano(int availableNano) {
        this.availableNano = availableNano;
    }

    public String getStore() {
        return store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public int getKind() {
        return kind;
    }

    public void setKind(int kind) {
        this.kind = kind;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public long getEpochSecond() {
        return epochSecond;
    }

    public void setEpochSecond(long epochSecond) {
        this.epochSecond = epochSecond;
    }

    public int getNano() {
        return nano;
    }

    public void setNano(int nano) {
        this.nano = nano;
    }

    public long getAmountMinor() {
        return amountMinor;
    }

    public void setAmountMinor(long amountMinor) {
        this.amountMinor = amountMinor;
    }

    public boolean isDiscounted() {
        return discounted;
    }

    public void setDiscounted(boolean discounted) {
        this.discounted = discounted;
    }

    public String getReviewId() {
        return reviewId;
    }

    public void setReviewId(String reviewId) {
        this.reviewId = reviewId;
    }

    public boolean isOfStore() {
        return ofStore;
    }

    public void setOfStore(boolean ofStore) {
        this.ofStore = ofStore;
    }

    public int getRating() {
        return rating;
    }

    public void setRating(int rating) {
        this.rating = rating;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getGender() {
        return gender;
    }

    public void setGender(String gender) {
        this.gender = gender;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public int getCategories() {
        return categories;
    }

    public void setCategories(int categories) {
        this.categories = categories;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public java.util.List<String> getValues() {
        return values;
    }

    public void setValues(java.util.List<String> values) {
        this.values = values;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
    }

    public String getProductId() {
        return productId;
    }

    public void setProductId(String productId) {
        this.productId = productId;
    }

    public java.time.Instant instant() {
        return java.time.Instant.ofEpochSecond(epochSecond, nano);
    }

    void at(java.time.Instant instant) {
        epochSecond = instant.getEpochSecond();
        nano = instant.getNano();
    }
}
