// --pre-js for the Catch2 suite under node: Emscripten's getenv sees only a default environment, so the
// real one is copied in before main (the suite reads OP_DIGEST_DIR and OP_UPDATE_FIXTURES).
Module['preRun'] = Module['preRun'] || [];
Module['preRun'].push(function () {
  for (var key in process.env) ENV[key] = process.env[key];
});
