// Runs the Explorer's solver on the cases of tests/explorer/test_solver_js.py, in one node process.
// Usage: node run_solver.mjs cases.json > results.json
// Each case is {"fn": name, "args": [...]}; each result is {"value": ...} or {"error": {"name", "message"}}.
// Numbers JSON cannot hold (NaN, ±Infinity) arrive as {"$number": "NaN"}.
import { readFileSync } from "node:fs";
import * as solver from "../../docs/_static/explorer/solver.mjs";

const revive = (key, value) =>
  value !== null && typeof value === "object" && !Array.isArray(value) && "$number" in value
    ? Number(value.$number)
    : value;

const cases = JSON.parse(readFileSync(process.argv[2], "utf8"), revive);
const results = cases.map(({ fn, args }) => {
  try {
    return { value: solver[fn](...args) };
  } catch (error) {
    return { error: { name: error.constructor.name, message: String(error.message) } };
  }
});
process.stdout.write(JSON.stringify(results));
