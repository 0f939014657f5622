package io.bulwark.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bulwark.engine.api.IncidentFilter;
import io.bulwark.engine.api.JobExecutorSettings;
import io.bulwark.engine.api.JobFilter;
import io.bulwark.engine.api.Principal;
import io.bulwark.engine.api.ValidationException;
import io.bulwark.engine.authz.GrantEverythingTestChecker;
import io.bulwark.engine.command.CommandExecutor;
import io.bulwark.engine.command.EngineDatabase;
import io.bulwark.engine.job.JobTestSupport.FailingHandler;
import io.bulwark.engine.job.JobTestSupport.RecordingHandler;
import io.bulwark.engine.job.JobTestSupport.ScheduleCommand;
import io.bulwark.engine.variable.SensitiveScreen;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Operating jobs and incidents through the management service. */
class ManagementServiceIT {

  private static final Principal OPERATOR = new Principal("operator", Set.of());

  @AutoClose private HikariDataSource dataSource;

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void executeNowFailuresRaiseIncidentAndSetRetriesResolvesIt(EngineDatabase database)
      throws Exception {
    dataSource = database.create();
    JobTestSupport.createRunTable(dataSource);
    CommandExecutor commands =
        new CommandExecutor(dataSource, new GrantEverythingTestChecker(), Clock.systemUTC());
    JobExecutorSettings settings = JobExecutorSettings.defaults();
    FailingHandler failing = new FailingHandler();
    RecordingHandler recording = new RecordingHandler("record");
    EngineManagementService service =
        new EngineManagementService(
            commands,
            JobHandlers.of(List.of(failing, recording)),
            settings,
            SensitiveScreen.none());
    String failingJob =
        JobTestSupport.schedule(
                commands, ScheduleCommand.jobs(new JobScheduler(settings), "failing", 1))
            .get(0)
            .id();
    String goodJob =
        JobTestSupport.schedule(
                commands, ScheduleCommand.jobs(new JobScheduler(settings), "record", 1))
            .get(0)
            .id();

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> service.executeJob(OPERATOR, failingJob))
          .isInstanceOf(JobFailedException.class)
          .hasMessageContaining("service down");
    }
    assertThat(service.listJobs(OPERATOR, new JobFilter(null, null, null, null, true, null), 0, 10))
        .singleElement()
        .satisfies(job -> assertThat(job.id()).isEqualTo(failingJob));
    assertThat(service.countIncidents(OPERATOR, IncidentFilter.all())).isEqualTo(1);

    service.setJobRetries(OPERATOR, failingJob, 2);
    assertThat(service.countIncidents(OPERATOR, IncidentFilter.all())).isZero();
    assertThat(service.listJobs(OPERATOR, JobFilter.all(), 0, 10))
        .filteredOn(job -> job.id().equals(failingJob))
        .singleElement()
        .satisfies(job -> assertThat(job.retries()).isEqualTo(2));

    service.executeJob(OPERATOR, goodJob);
    assertThat(recording.runs).containsOnlyKeys(goodJob);
    assertThat(service.countJobs(OPERATOR, JobFilter.all())).isEqualTo(1);
    assertThatThrownBy(() -> service.listJobs(OPERATOR, JobFilter.all(), 0, 5000))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("W8");
  }

  @ParameterizedTest
  @EnumSource(EngineDatabase.class)
  void resolvingAnIncidentGivesTheJobOneRetry(EngineDatabase database) {
    dataSource = database.create();
    CommandExecutor commands =
        new CommandExecutor(dataSource, new GrantEverythingTestChecker(), Clock.systemUTC());
    JobExecutorSettings settings = JobExecutorSettings.defaults();
    EngineManagementService service =
        new EngineManagementService(
            commands, JobHandlers.of(List.of()), settings, SensitiveScreen.none());
    String jobId =
        JobTestSupport.schedule(commands, ScheduleCommand.jobs(new JobScheduler(settings), "x", 1))
            .get(0)
            .id();
    service.setJobRetries(OPERATOR, jobId, 0);
    String incidentId = service.listIncidents(OPERATOR, IncidentFilter.all(), 0, 10).get(0).id();

    service.resolveIncident(OPERATOR, incidentId);

    assertThat(service.countIncidents(OPERATOR, IncidentFilter.all())).isZero();
    assertThat(service.listJobs(OPERATOR, JobFilter.all(), 0, 10).get(0).retries()).isEqualTo(1);
  }
}
