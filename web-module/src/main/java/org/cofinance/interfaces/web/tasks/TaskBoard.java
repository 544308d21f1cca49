package org.cofinance.interfaces.web.tasks;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.task.TaskBoardService;
import org.cofinance.application.task.TaskCriteria;
import org.cofinance.application.task.TaskListService;
import org.cofinance.interfaces.web.FieldErrors;
import org.cofinance.interfaces.web.ListFilters;
import org.cofinance.interfaces.web.Ui;

/**
 * The approver's (and officer's, finance's) task list: his tasks and his organisation's unclaimed ones with their
 * counts, filters and a search by request, due date first, 50 a page, late tasks marked; claim, unclaim, and claim
 * several at once. {@code ?q=} opens it searching for a request.
 */
@Named
@ViewScoped
public class TaskBoard implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE_SIZE = 50;

    @EJB
    private TaskBoardService board;

    @EJB
    private TaskListService tasks;

    @Inject
    private Ui ui;

    private final FieldErrors errors = new FieldErrors();
    private String scope = "";
    private final ListFilters filters = new ListFilters();
    private String minAmount;
    private String maxAmount;
    private LocalDate dueBefore;
    private boolean lateOnly;
    private String text;
    private int page;
    private TaskBoardService.Board result;

    /** The page shown; when it has emptied (its tasks claimed or done meanwhile), the last page that has tasks. */
    public TaskBoardService.Board getResult() {
        if (result == null) {
            TaskCriteria criteria = new TaskCriteria(scope, filters.programmeOrNull(), filters.getFunderId(),
                    filters.territoryOrNull(), filters.themeOrNull(), Ui.amountOf(minAmount), Ui.amountOf(maxAmount),
                    dueBefore, lateOnly, text);
            if (!ui.attempt(errors, () -> result = board.search(criteria, Paging.of(page, PAGE_SIZE)))) {
                result = TaskBoardService.Board.empty();
            } else if (result.rows().isEmpty() && page > 0) {
                page = (int) Math.max(0, (result.found() - 1) / PAGE_SIZE);
                result = null;
                return getResult();
            }
        }
        return result;
    }

    public void search() {
        page = 0;
        result = null;
    }

    public void show(String newScope) {
        scope = newScope;
        search();
    }

    public void next() {
        page++;
        result = null;
    }

    public void previous() {
        page = Math.max(0, page - 1);
        result = null;
    }

    /** The first and last rows shown, counted from 1. */
    public String getShown() {
        TaskBoardService.Board board = getResult();
        return board.rows().isEmpty() ? "0" : (board.first() + 1) + "–" + (board.first() + board.rows().size());
    }

    public void claim(String taskId) {
        if (ui.attempt(errors, () -> tasks.claim(taskId))) {
            ui.info("tasks.claimed", 1);
        }
        result = null;
    }

    public void unclaim(String taskId) {
        if (ui.attempt(errors, () -> tasks.unclaim(taskId))) {
            ui.info("tasks.unclaimed");
        }
        result = null;
    }

    /** Claims every selected task; each one that is no longer free is reported, the others are claimed. */
    public void claimSelected() {
        String[] selected = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterValuesMap()
                .getOrDefault("selectedTask", new String[0]);
        int claimed = 0;
        for (String taskId : selected) {
            if (ui.attempt(errors, () -> tasks.claim(taskId))) {
                claimed++;
            }
        }
        ui.info("tasks.claimed", claimed);
        result = null;
    }

    public FieldErrors getErrors() {
        return errors;
    }

    public String getScope() {
        return scope;
    }

    public String getMinAmount() {
        return minAmount;
    }

    public void setMinAmount(String minAmount) {
        this.minAmount = minAmount;
    }

    public String getMaxAmount() {
        return maxAmount;
    }

    public void setMaxAmount(String maxAmount) {
        this.maxAmount = maxAmount;
    }

    public LocalDate getDueBefore() {
        return dueBefore;
    }

    public void setDueBefore(LocalDate dueBefore) {
        this.dueBefore = dueBefore;
    }

    public boolean isLateOnly() {
        return lateOnly;
    }

    public void setLateOnly(boolean lateOnly) {
        this.lateOnly = lateOnly;
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
