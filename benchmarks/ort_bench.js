// Times one ONNX model with ONNX Runtime's CPU execution provider, through
// the npm package onnxruntime-node.
//
// Usage: node ort_bench.js MODEL.onnx [--threads=N] [--min-runs=N]
//          [--min-seconds=S] [--warmup=N] [--input-shape=1x3x224x224]
//          [--modules=DIR]
//
// The session runs with intraOpNumThreads = N, interOpNumThreads = 1,
// sequential execution and graphOptimizationLevel 'all'. Every float input
// has the shape --input-shape and uniform values in [-1, 1) from a fixed
// seed. After the warm-up runs, which include ORT's first-run allocations,
// timed runs continue until both --min-runs and --min-seconds are reached.
// Output, one `key: value` line each, the last in nas-run's format:
//
//   ort version: 1.20.1
//   threads: 1
//   output: 1x1000
//   checksum: 1.234567e+01
//   median latency: 12.345 ms (10 runs)
'use strict';

const path = require('path');

function parseArguments(argv) {
  const options = {
    model: null,
    threads: 1,
    minRuns: 10,
    minSeconds: 2.0,
    warmup: 2,
    modules: null,
    inputShape: [1, 3, 224, 224],
  };
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match) {
      if (options.model !== null) {
        throw new Error(`unexpected argument '${arg}'`);
      }
      options.model = arg;
      continue;
    }
    const [, name, value] = match;
    const number = Number(value);
    if (name === 'modules') {
      options.modules = value;
    } else if (name === 'input-shape' && /^[0-9]+(x[0-9]+)*$/.test(value)) {
      options.inputShape = value.split('x').map(Number);
    } else if (['threads', 'min-runs', 'warmup'].includes(name) &&
               Number.isInteger(number) && number >= 0) {
      const key = {threads: 'threads', 'min-runs': 'minRuns',
                   warmup: 'warmup'}[name];
      options[key] = number;
    } else if (name === 'min-seconds' && number >= 0) {
      options.minSeconds = number;
    } else {
      throw new Error(`invalid option '${arg}'`);
    }
  }
  if (options.model === null) {
    throw new Error('missing MODEL.onnx');
  }
  if (options.threads < 1 || options.minRuns < 1) {
    throw new Error('expected --threads >= 1 and --min-runs >= 1');
  }
  return options;
}

// Returns a generator of uniform values in [0, 1) (mulberry32).
function makeRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ?
      sorted[middle] :
      0.5 * (sorted[middle - 1] + sorted[middle]);
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const ort = require(options.modules ?
      path.join(options.modules, 'onnxruntime-node') : 'onnxruntime-node');
  const session = await ort.InferenceSession.create(options.model, {
    executionProviders: ['cpu'],
    intraOpNumThreads: options.threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });

  const random = makeRandom(1);
  const feeds = {};
  for (const name of session.inputNames) {
    const dims = options.inputShape;
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; ++i) {
      data[i] = 2 * random() - 1;
    }
    feeds[name] = new ort.Tensor('float32', data, dims);
  }

  let results = null;
  for (let i = 0; i < options.warmup; ++i) {
    results = await session.run(feeds);
  }
  const times = [];
  const loopStart = process.hrtime.bigint();
  for (;;) {
    const start = process.hrtime.bigint();
    results = await session.run(feeds);
    const end = process.hrtime.bigint();
    times.push(Number(end - start) / 1e6);
    const elapsed = Number(end - loopStart) / 1e9;
    if (times.length >= options.minRuns && elapsed >= options.minSeconds) {
      break;
    }
  }

  const output = results[session.outputNames[0]];
  let checksum = 0;
  for (const value of output.data) {
    checksum += value;
  }
  console.log(`ort version: ${ort.env.versions.common}`);
  console.log(`threads: ${options.threads}`);
  console.log(`output: ${output.dims.join('x')}`);
  console.log(`checksum: ${checksum.toExponential(6)}`);
  console.log(`median latency: ${median(times).toFixed(3)} ms ` +
              `(${times.length} runs)`);
}

main().catch((error) => {
  console.error(`ort_bench: error: ${error.message}`);
  process.exit(2);
});
