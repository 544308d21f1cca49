package org.cofinance.interfaces.web.requests;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.cofinance.application.request.FundingRequestService;
import org.cofinance.application.request.RequestCriteria;
import org.cofinance.application.request.RequestView;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.interfaces.web.ListFilters;
import org.cofinance.interfaces.web.Ui;

/** The list of requests with its filters (status, territory, theme, envelope, funder) and search, 50 a page. */
@Named
@ViewScoped
public class RequestList implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 50;

    @EJB
    private FundingRequestService requests;

    @Inject
    private Ui ui;

    private final ListFilters filters = new ListFilters();
    private String status;
    private String text;
    private int page;
    private Page<RequestView> result;

    public void search() {
        page = 0;
        result = null;
    }

    public void next() {
        if ((long) (page + 1) * PAGE_SIZE < getResult().total()) {
            page++;
            result = null;
        }
    }

    public void previous() {
        if (page > 0) {
            page--;
            result = null;
        }
    }

    public Page<RequestView> getResult() {
        if (result == null) {
            RequestCriteria criteria = new RequestCriteria(filters.programmeOrNull(), status, filters.territoryOrNull(),
                    filters.themeOrNull(), filters.envelopeCodeOrNull(), filters.getFunderId(), text);
            if (!ui.attempt(null, () -> result = requests.search(criteria, Paging.of(page, PAGE_SIZE)))) {
                result = new Page<>(List.of(), 0);
            }
        }
        return result;
    }

    public int getFirst() {
        return getResult().total() == 0 ? 0 : page * PAGE_SIZE + 1;
    }

    public long getLast() {
        return Math.min((long) (page + 1) * PAGE_SIZE, getResult().total());
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public ListFilters getFilters() {
        return filters;
    }
}
