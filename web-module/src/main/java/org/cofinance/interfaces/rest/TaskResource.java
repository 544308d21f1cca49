package org.cofinance.interfaces.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cofinance.application.shared.Inputs;
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.task.TaskAnswer;
import org.cofinance.application.task.TaskCompletion;
import org.cofinance.application.task.TaskCriteria;
import org.cofinance.application.task.TaskListService;
import org.cofinance.application.task.TaskView;
import org.cofinance.domain.model.shared.ValidationException;
import org.cofinance.domain.model.shared.Violation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Tag(name = "Tasks")
@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @EJB
    private TaskListService tasks;

    @EJB
    private TaskCompletion completion;

    /**
     * The caller's tasks, due soonest first; {@code dueBefore} keeps the tasks due that day or before, {@code late}
     * the overdue ones, {@code q} the tasks of the requests whose reference or title holds that text.
     */
    @GET
    public Page<TaskView> list(@QueryParam("requestId") Long requestId,
                               @QueryParam("assignee") String assignee,
                               @QueryParam("programme") String programme,
                               @QueryParam("funderId") Long funderId,
                               @QueryParam("territory") String territory,
                               @QueryParam("theme") String theme,
                               @QueryParam("minAmount") String minAmount,
                               @QueryParam("maxAmount") String maxAmount,
                               @QueryParam("dueBefore") String dueBefore,
                               @QueryParam("late") boolean late,
                               @QueryParam("q") String text,
                               @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        List<Violation> violations = new ArrayList<>();
        LocalDate due = Inputs.date(dueBefore, "dueBefore", violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return tasks.list(requestId, new TaskCriteria(assignee, programme, funderId, territory, theme, minAmount,
                maxAmount, due, late, text), Paging.of(page, size));
    }

    @POST
    @Path("/{id}/claim")
    @APIResponse(responseCode = "204", description = "claimed by the caller")
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON_TYPE})
    public void claim(@PathParam("id") String id) {
        tasks.claim(id);
    }

    @POST
    @Path("/{id}/unclaim")
    @APIResponse(responseCode = "204", description = "back in its group")
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON_TYPE})
    public void unclaim(@PathParam("id") String id) {
        tasks.unclaim(id);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "completed; the process goes on")
    @Produces({MediaType.APPLICATION_JSON, Problems.PROBLEM_JSON_TYPE})
    public void complete(@PathParam("id") String id, TaskAnswer answer) {
        RequestBodies.require(answer);
        completion.complete(id, answer);
    }
}
