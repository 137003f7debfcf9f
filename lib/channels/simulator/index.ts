export { startSimulator, type Simulator, type SimulatorOptions, type SimulatorStats } from "./server";
export type { FaultOptions } from "./faults";
export type { RatingInput, ReceivedAnswer } from "./answers";
