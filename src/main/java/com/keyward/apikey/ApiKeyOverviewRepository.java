package com.keyward.apikey;

import static com.keyward.db.jooq.Tables.API_KEY;
import static com.keyward.db.jooq.Tables.API_KEY_SET;
import static com.keyward.db.jooq.Tables.APP_USER;
import static org.jooq.impl.DSL.select;

import com.keyward.db.SparseIndex;
import com.keyward.db.SparseIndexes;
import com.keyward.db.StartsWith;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Records;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Every key of the organisation with its owner, filtered, sorted and paged in SQL. */
@Repository
class ApiKeyOverviewRepository {

    private final DSLContext dsl;

    /** Every key, oldest first: the unfiltered list in creation order, at any depth (BENCHMARKS.md). */
    private final SparseIndex byCreation;

    ApiKeyOverviewRepository(DSLContext dsl, SparseIndexes indexes) {
        this.dsl = dsl;
        this.byCreation = indexes.of("api keys", API_KEY, API_KEY.ID, List.of(API_KEY.CREATED_AT, API_KEY.ID));
    }

    /** Builds the paging index's marks now, in this thread (benchmarks, after seeding). */
    void rebuildPagingIndex() {
        byCreation.rebuild();
    }

    /**
     * Counted without the owners unless the filter names one: at 5 M keys the count with the join
     * took 63 s, without it 0.8 s; unfiltered, the sparse index knows it at once (BENCHMARKS.md).
     */
    long count(KeyFilter filter, Instant now) {
        if (filter.isEmpty()) {
            var total = byCreation.total();
            if (total.isPresent()) {
                return total.getAsLong();
            }
        }
        String owner = filter.owner();
        var from = owner == null || owner.isBlank()
                ? dsl.selectCount().from(API_KEY)
                : dsl.selectCount().from(API_KEY).join(APP_USER).on(APP_USER.ID.eq(API_KEY.OWNER_ID));
        return from.where(conditions(filter, now)).fetchOne(0, Long.class);
    }

    List<KeyOverviewRow> page(KeyFilter filter, KeySort sort, boolean ascending, Instant now, int offset, int limit) {
        if (filter.isEmpty() && sort == KeySort.CREATED) {
            var window = byCreation.window(offset, limit, ascending);
            if (window.isPresent()) {
                SparseIndex.Window at = window.get();
                return at.arrange(rows(at.from(), byCreation.ascending(), false, at.offset(), at.limit()));
            }
        }
        boolean byOwner = sort == KeySort.OWNER
                || !(filter.owner() == null || filter.owner().isBlank());
        return rows(DSL.and(conditions(filter, now)), order(sort, ascending), byOwner, offset, limit);
    }

    /**
     * The page's key ids first (the owners joined only when the filter or the order needs them),
     * then the rows of just those keys with their owners and API sets: the sets' subquery runs for
     * 50 rows, not for every row the order has to look at (an owner-filtered page: 26 → … ms).
     */
    private List<KeyOverviewRow> rows(
            Condition where, List<SortField<?>> order, boolean withOwners, int offset, int limit) {
        var keys = withOwners
                ? select(API_KEY.ID).from(API_KEY).join(APP_USER).on(APP_USER.ID.eq(API_KEY.OWNER_ID))
                : select(API_KEY.ID).from(API_KEY);
        Table<Record1<Long>> ids =
                keys.where(where).orderBy(order).limit(limit).offset(offset).asTable("page_ids");
        return dsl.select(
                        API_KEY.ID,
                        API_KEY.OWNER_ID,
                        APP_USER.USERNAME,
                        API_KEY.NAME,
                        ApiKeyRepository.setCodes(),
                        API_KEY.HINT,
                        API_KEY.CREATED_AT,
                        API_KEY.EXPIRES_AT,
                        API_KEY.LAST_USED_AT,
                        API_KEY.REVOKED_AT)
                .from(ids)
                .join(API_KEY)
                .on(API_KEY.ID.eq(ids.field(API_KEY.ID)))
                .join(APP_USER)
                .on(APP_USER.ID.eq(API_KEY.OWNER_ID))
                .orderBy(order)
                .fetch(Records.mapping(KeyOverviewRow::new));
    }

    private static List<Condition> conditions(KeyFilter filter, Instant now) {
        List<Condition> where = new ArrayList<>();
        String owner = filter.owner();
        if (owner != null && !owner.isBlank()) {
            where.add(StartsWith.startsWith(APP_USER.USERNAME, owner.strip()));
        }
        String set = filter.apiSet();
        if (set != null) {
            where.add(DSL.exists(select(API_KEY_SET.API_KEY_ID)
                    .from(API_KEY_SET)
                    .where(API_KEY_SET.API_KEY_ID.eq(API_KEY.ID).and(API_KEY_SET.API_SET_CODE.eq(set)))));
        }
        ApiKeyStatus status = filter.status();
        if (status != null) {
            where.add(
                    switch (status) {
                        case ACTIVE -> API_KEY.REVOKED_AT.isNull().and(API_KEY.EXPIRES_AT.gt(now));
                        case EXPIRED -> API_KEY.REVOKED_AT.isNull().and(API_KEY.EXPIRES_AT.le(now));
                        case REVOKED -> API_KEY.REVOKED_AT.isNotNull();
                    });
        }
        Integer expiring = filter.expiringWithinDays();
        if (expiring != null) {
            where.add(API_KEY.REVOKED_AT
                    .isNull()
                    .and(API_KEY.EXPIRES_AT.gt(now))
                    .and(API_KEY.EXPIRES_AT.le(now.plus(Duration.ofDays(expiring)))));
        }
        Integer unused = filter.unusedForDays();
        if (unused != null) {
            Instant since = now.minus(Duration.ofDays(unused));
            where.add(API_KEY.LAST_USED_AT.isNull().or(API_KEY.LAST_USED_AT.lt(since)));
        }
        return where;
    }

    private static List<SortField<?>> order(KeySort sort, boolean ascending) {
        Field<?> first = switch (sort) {
            case CREATED -> API_KEY.CREATED_AT;
            case EXPIRES -> API_KEY.EXPIRES_AT;
            case LAST_USED -> API_KEY.LAST_USED_AT;
            case OWNER -> APP_USER.USERNAME;
        };
        return ascending ? List.of(first.asc(), API_KEY.ID.asc()) : List.of(first.desc(), API_KEY.ID.desc());
    }
}
