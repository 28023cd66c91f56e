namespace Interactive.DlExt.Tests.Schedules;

/// <summary>Asks a schedule for the rate of one step of a planned run.</summary>
internal static class At
{
    public static double Step(LearningRateSchedule schedule, long step, double baseRate = 1, int stepsPerEpoch = 1, int epochs = 100) =>
        schedule.LearningRateAt(new ScheduleContext(baseRate, step, (int)(step / stepsPerEpoch), stepsPerEpoch, epochs));
}
