package org.fusioncell.search;
// TEMP placeholder (uncommitted) until branch textwatch is merged
public interface TextWatchSet {
    void put(String watchId, String query);
    void remove(String watchId);
    int size();
    java.util.Set<String> matching(String title, String body);
}
