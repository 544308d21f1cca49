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
import org.cofinance.application.shared.Page;
import org.cofinance.application.shared.Paging;
import org.cofinance.application.task.TaskAnswer;
import org.cofinance.application.task.TaskCompletion;
import org.cofinance.application.task.TaskListService;
import org.cofinance.application.task.TaskView;
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

    @GET
    public Page<TaskView> list(@QueryParam("requestId") Long requestId,
                               @QueryParam("assignee") String assignee,
                               @QueryParam("programme") String programme,
                               @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return tasks.list(requestId, assignee, programme, Paging.of(page, size));
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
