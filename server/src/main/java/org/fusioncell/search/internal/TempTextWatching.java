package org.fusioncell.search.internal;
// TEMP placeholder (uncommitted) until branch textwatch is merged: plain lower-case word containment
@org.springframework.stereotype.Component
class TempTextWatching implements org.fusioncell.search.TextWatching {
    public void validate(String q) { if (q == null || q.isBlank()) throw new org.fusioncell.shared.InvalidInputException("query", "empty"); }
    public org.fusioncell.search.TextWatchSet newSet() {
        var m = new java.util.concurrent.ConcurrentHashMap<String, String>();
        return new org.fusioncell.search.TextWatchSet() {
            public void put(String id, String q) { m.put(id, q.toLowerCase()); }
            public void remove(String id) { m.remove(id); }
            public int size() { return m.size(); }
            public java.util.Set<String> matching(String t, String b) {
                String all = (t + " " + b).toLowerCase();
                java.util.Set<String> out = new java.util.HashSet<>();
                m.forEach((id, q) -> { if (all.contains(q)) out.add(id); });
                return out;
            }
        };
    }
}
