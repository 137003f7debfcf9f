// Public API of the deadline library: pure functions, no database access.
export {
  MUNICIPAL_TZ,
  addDaysLocal,
  endOfLocalDay,
  formatLocalDate,
  isValidLocalDate,
  isoWeekdayOf,
  localDateOf,
  parseLocalDate,
  startOfLocalDay,
  type LocalDate,
  type LocalDateParts,
} from "./time";
export {
  addWorkingDays,
  calendarSourceOf,
  calendarYears,
  countWorkingDays,
  fallbackYearsBetween,
  hasCalendarYear,
  isPreHoliday,
  isWorkingDay,
  missingCurrentYearWarning,
  missingNextYearWarning,
  nextWorkingDayOnOrAfter,
  type CalendarSource,
  type CalendarYearFile,
} from "./calendar";
export {
  DAY_UNITS,
  DEFAULT_AT_RISK_SHARE,
  DEFAULT_POLICIES,
  REGIMES,
  isRegime,
  validatePolicy,
  type DayUnit,
  type DeadlinePolicy,
  type Regime,
} from "./policies";
export {
  addTerm,
  computeAnswerDue,
  computeDue,
  computeFirstReactionDue,
  computeRegistrationDue,
  extendByPolicy,
  extendDue,
  type DueDate,
} from "./compute";
export {
  deadlineState,
  remainingCalendarDays,
  remainingWorkingDays,
  type DeadlineState,
  type DeadlineStateInput,
} from "./state";
