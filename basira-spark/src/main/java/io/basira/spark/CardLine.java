package io.basira.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One customer's result: the card's export text ({@code io.basira.card.CardColumns#row}: the customer id, then
 * every indicator) and, when rules were given, the keys of the saved groups she is in. A bean for Spark.
 */
public class CardLine implements Serializable {

    private String store;
    private String customerId;
    private List<String> values;
    private List<String> groups;

    public CardLine() {}

    public CardLine(String store, String customerId, List<String> values, List<String> groups) {
        this.store = store;
        this.customerId = customerId;
        this.values = values;
        this.groups = groups;
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

    public List<String> getValues() {
        return values;
    }

    public void setValues(List<String> values) {
        this.values = values;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups;
    }
}
