package org.villagepoints.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.villagepoints.auth.Caller;
import org.villagepoints.auth.InScope;
import org.villagepoints.auth.Role;
import org.villagepoints.auth.ScopeGuard;
import org.villagepoints.common.idempotency.Idempotent;

/**
 * Rectification tasks (整改任务, 短板弱项, 一户一策): the committee marks them done, the town or
 * district verifies or reopens them; the town lists them across its villages.
 */
@Tag(name = "inspections")
@Controller("/api")
@Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN, Role.Names.VILLAGE_COMMITTEE})
@ExecuteOn(TaskExecutors.BLOCKING)
class TaskController {

  private final Tasks tasks;
  private final TaskWorkflow workflow;
  private final ScopeGuard guard;

  TaskController(Tasks tasks, TaskWorkflow workflow, ScopeGuard guard) {
    this.tasks = tasks;
    this.workflow = workflow;
    this.guard = guard;
  }

  @Operation(summary = "A village's tasks (status, kind, overdue filter), overdue first")
  @Get("/villages/{id}/tasks{?status,kind,overdue}")
  @InScope(village = "id")
  List<TaskResponse> forVillage(long id, @Nullable @QueryValue String status,
      @Nullable @QueryValue String kind, @Nullable @QueryValue String overdue) {
    return tasks.list("t.village_id = ?", id, TaskRows.Filter.of(status, kind, overdue),
        InspectionController.today());
  }

  @Operation(summary = "Add a weak point (短板弱项) or a household plan (一户一策)")
  @Post("/villages/{id}/tasks")
  @InScope(village = "id")
  @Idempotent(village = "id")
  HttpResponse<TaskResponse> create(long id, @Body @Valid TaskForm body, Authentication auth) {
    return HttpResponse.created(tasks.create(Caller.of(auth), id, body,
        InspectionController.today()));
  }

  @Operation(summary = "The village's staff who may own tasks")
  @Get("/villages/{id}/task-owners")
  @InScope(village = "id")
  List<Tasks.Owner> owners(long id) {
    return tasks.owners(id);
  }

  @Operation(summary = "A town's tasks across its villages (overdue=true: only overdue ones)")
  @Get("/towns/{id}/tasks{?status,kind,overdue}")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  List<TaskResponse> forTown(long id, @Nullable @QueryValue String status,
      @Nullable @QueryValue String kind, @Nullable @QueryValue String overdue,
      Authentication auth) {
    guard.requireTown(Caller.of(auth), id);
    return tasks.list("v.town_id = ?", id, TaskRows.Filter.of(status, kind, overdue),
        InspectionController.today());
  }

  @Operation(summary = "Change a task's owner, deadline, title or detail (not once verified)")
  @Put("/tasks/{id}")
  TaskResponse edit(long id, @Body @Valid TaskEditForm body, Authentication auth) {
    return tasks.edit(Caller.of(auth), id, body, InspectionController.today());
  }

  @Operation(summary = "The committee marks a task done, with a note (即查即改)")
  @Post("/tasks/{id}/done")
  @Secured({Role.Names.VILLAGE_COMMITTEE})
  TaskResponse done(long id, @Body @Valid NoteForm.Done body, Authentication auth) {
    return workflow.done(Caller.of(auth), id, body.note(), InspectionController.today());
  }

  @Operation(summary = "The town or district confirms a task marked done")
  @Post("/tasks/{id}/verify")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  TaskResponse verify(long id, @Body @Valid NoteForm.Verify body, Authentication auth) {
    return workflow.verify(Caller.of(auth), id, body.note(), InspectionController.today());
  }

  @Operation(summary = "The town or district sends a task marked done back to OPEN")
  @Post("/tasks/{id}/reopen")
  @Secured({Role.Names.DISTRICT_ADMIN, Role.Names.TOWN_ADMIN})
  TaskResponse reopen(long id, @Body @Valid NoteForm.Reopen body, Authentication auth) {
    return workflow.reopen(Caller.of(auth), id, body, InspectionController.today());
  }
}
