package org.fusioncell.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.fusioncell.screening.WatchlistFormat;
import org.fusioncell.screening.WatchlistVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of {@code screening_watchlist_version}; callers have checked the list's marking. */
@Component
class WatchlistVersions {

    static final String COLUMNS = """
            v.id, v.watchlist_id, w.name, v.number, v.format, v.publisher_version, v.generated_at, v.imported_at,
            v.imported_by, v.added, v.changed, v.delisted, v.entry_count""";
    static final String FROM = " FROM screening_watchlist_version v JOIN screening_watchlist w ON w.id = v.watchlist_id ";

    private final JdbcClient jdbc;

    WatchlistVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WatchlistVersion> byId(String versionId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE v.id = :id").param("id", versionId)
                .query(WatchlistVersions::row).optional();
    }

    Optional<WatchlistVersion> byNumber(String listId, int number) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE v.watchlist_id = :l AND v.number = :n")
                .param("l", listId).param("n", number).query(WatchlistVersions::row).optional();
    }

    List<WatchlistVersion> of(String listId) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE v.watchlist_id = :l ORDER BY v.number DESC")
                .param("l", listId).query(WatchlistVersions::row).list();
    }

    /** Reads the version columns starting at {@code first} (1-based), in the order of {@link #COLUMNS}. */
    static WatchlistVersion at(ResultSet rs, int first) throws SQLException {
        Timestamp generated = rs.getTimestamp(first + 6);
        return new WatchlistVersion(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2),
                rs.getInt(first + 3), WatchlistFormat.valueOf(rs.getString(first + 4)), rs.getString(first + 5),
                generated == null ? null : generated.toInstant(), rs.getTimestamp(first + 7).toInstant(),
                rs.getString(first + 8), rs.getInt(first + 9), rs.getInt(first + 10), rs.getInt(first + 11),
                rs.getInt(first + 12));
    }

    private static WatchlistVersion row(ResultSet rs, int n) throws SQLException {
        return at(rs, 1);
    }
}
