package io.basira.campaigns.delivery;

/**
 * What the messenger knows of a customer when a message is asked for: whether they were erased (a tombstone),
 * their first name, e-mail address, phone number and preferred language ({@code "ar"}, {@code "en"} or null).
 */
public record Contact(
        String customerId, boolean erased, String firstName, String email, String phone, String language) {

    public static Contact erased(String customerId) {
        return new Contact(customerId, true, null, null, null, null);
    }

    public boolean hasEmail() {
        return email != null && email.contains("@");
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}
