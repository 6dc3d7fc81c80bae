package org.fusioncell.search;
// TEMP placeholder (uncommitted) until branch textwatch is merged
public interface TextWatching {
    void validate(String query);
    TextWatchSet newSet();
}
