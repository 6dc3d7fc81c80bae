package org.fusioncell.exchange.hits.internal;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.exchange.hits.HitQueries;
import org.fusioncell.exchange.hits.HitQuery;
import org.fusioncell.exchange.hits.HitQueryDraft;
import org.fusioncell.exchange.hits.HolderReply;
import org.fusioncell.exchange.hits.IncomingRequest;
import org.fusioncell.exchange.hits.MinimisedQuery;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Service;

/** Hit/no-hit on the database: the requesting side ({@link Asking}) and the holding side ({@link Holding}). */
@Service
class JdbcHitQueries implements HitQueries {

    private final Asking asking;
    private final Holding holding;

    JdbcHitQueries(Asking asking, Holding holding) {
        this.asking = asking;
        this.holding = holding;
    }

    @Override
    public HitQuery ask(Reader requester, HitQueryDraft draft) {
        return asking.ask(requester, draft);
    }

    @Override
    public Page<HitQuery> list(Reader reader, PageRequest page) {
        return asking.list(reader, page);
    }

    @Override
    public Optional<HitQuery> find(Reader reader, String queryId) {
        return asking.find(reader, queryId, true);
    }

    @Override
    public Optional<HitQuery> requestRelease(Reader requester, String queryId, String answerId, String justification) {
        return asking.requestRelease(requester, queryId, answerId, justification);
    }

    @Override
    public HolderReply answer(Reader caller, String requesterQueryId, MinimisedQuery query) {
        return holding.answer(caller, requesterQueryId, query);
    }

    @Override
    public Optional<HolderReply> reply(Reader caller, String reference) {
        return holding.reply(caller, reference);
    }

    @Override
    public Optional<HolderReply> askRelease(Reader caller, String reference, String justification) {
        return holding.askRelease(caller, reference, justification);
    }

    @Override
    public List<IncomingRequest> inbox(Reader supervisor) {
        return holding.inbox(supervisor);
    }

    @Override
    public Optional<IncomingRequest> decide(Reader supervisor, String reference, boolean release, String message) {
        return holding.decide(supervisor, reference, release, message);
    }
}
