// Generated from schemas/ by scripts/gen-validators.mjs (npm run build). Do not edit. stamp: 0c9e6799e45cfaaa
// @ts-nocheck
"use strict";
exports.App = validate20;
const schema31 = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://berth.dev/schemas/app.schema.json",
  title: "AppManifest",
  description: "A berth/v1 App: a program berth runs as one or more supervised instances.",
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  additionalProperties: false,
  properties: {
    apiVersion: { const: "berth/v1" },
    kind: { const: "App" },
    metadata: { $ref: "#/$defs/metadata" },
    spec: { $ref: "#/$defs/appSpec" },
    status: { description: "Written by berth; ignored on input.", type: "object" },
  },
  $defs: {
    metadata: {
      title: "Metadata",
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: {
        name: {
          description: "DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.",
          type: "string",
          maxLength: 63,
          pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
        },
        labels: {
          type: "object",
          additionalProperties: { type: "string" },
          propertyNames: { maxLength: 63, pattern: "^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$" },
        },
        annotations: { type: "object", additionalProperties: { type: "string" } },
      },
    },
    duration: {
      description: 'A duration: a number of milliseconds, or a string such as "500ms", "10s", "5m", "1h".',
      oneOf: [
        { type: "integer", minimum: 0 },
        { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
      ],
    },
    byteSize: {
      description: 'A size: a number of bytes, or a string such as "512K", "512M", "1G" (powers of 1024).',
      oneOf: [
        { type: "integer", minimum: 1 },
        { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?[KMG]B?$" },
      ],
    },
    portSpec: {
      description: '3000 | "3000" | "3000-3003" (instance i gets start+i) | "auto:5000-5100" (first free ports in the range).',
      oneOf: [
        { type: "integer", minimum: 1, maximum: 65535 },
        { type: "string", pattern: "^(auto:)?[0-9]+(-[0-9]+)?$" },
      ],
    },
    portDemand: {
      title: "PortDemand",
      description: "Contiguous blocks of ports taken from the pool (NethServer-style).",
      type: "object",
      additionalProperties: false,
      properties: { tcp: { type: "integer", minimum: 0, maximum: 1000 }, udp: { type: "integer", minimum: 0, maximum: 1000 } },
    },
    probe: {
      title: "Probe",
      description: "A health check: exactly one of http, tcp or exec.",
      type: "object",
      additionalProperties: false,
      minProperties: 1,
      properties: {
        http: {
          type: "object",
          additionalProperties: false,
          properties: {
            path: { type: "string", pattern: "^/" },
            port: { type: "integer", minimum: 1, maximum: 65535 },
            host: { type: "string", enum: ["127.0.0.1", "::1", "localhost"] },
          },
        },
        tcp: {
          type: "object",
          additionalProperties: false,
          properties: { port: { type: "integer", minimum: 1, maximum: 65535 }, host: { type: "string", enum: ["127.0.0.1", "::1", "localhost"] } },
        },
        exec: {
          type: "object",
          additionalProperties: false,
          required: ["command"],
          properties: { command: { type: "array", minItems: 1, items: { type: "string" } } },
        },
        initialDelay: { $ref: "#/$defs/duration" },
        interval: { $ref: "#/$defs/duration" },
        timeout: { $ref: "#/$defs/duration" },
        failureThreshold: { type: "integer", minimum: 1 },
        successThreshold: { type: "integer", minimum: 1 },
      },
    },
    appSpec: {
      title: "AppSpecInput",
      type: "object",
      required: ["script"],
      additionalProperties: false,
      properties: {
        script: { description: "The program to run (looked up on PATH), or a command line when shell is true.", type: "string", minLength: 1 },
        args: { type: "array", items: { type: "string" } },
        cwd: { description: "Working directory; relative paths resolve against the manifest's folder.", type: "string" },
        env: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] }, propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" } },
        inheritEnv: {
          description:
            "Start the app with the controller's environment (default true, as PM2). false: only PATH, HOME, LANG and USER from it, then env and the injected variables.",
          type: "boolean",
        },
        shell: {
          description:
            'Run script as the command of /bin/sh -c; each args element is passed to it as one quoted word ("$@"), never parsed as shell code. Off by default.',
          type: "boolean",
        },
        instances: { type: "integer", minimum: 0, maximum: 10000 },
        port: { $ref: "#/$defs/portSpec" },
        ports: { $ref: "#/$defs/portDemand" },
        socket: {
          title: "SocketSpec",
          description:
            "berth binds and listens on the app's port itself and hands the socket to every instance as fd 3 (systemd's LISTEN_FDS protocol), so restarts and reloads queue clients instead of refusing them. Needs spec.port.",
          type: "object",
          additionalProperties: false,
          properties: {
            shared: {
              description:
                "true: one socket on a single port (or one port of an auto: range) for all instances, PM2 cluster mode for any language. false (default): one socket per instance port.",
              type: "boolean",
            },
            host: { description: 'The IP address to bind, default "::" (dual-stack: IPv6 and IPv4).', type: "string", minLength: 1 },
            backlog: {
              description: "listen(2) backlog: connections that can wait while no instance accepts (capped by net.core.somaxconn). Default 511.",
              type: "integer",
              minimum: 1,
              maximum: 65535,
            },
            name: {
              description: "The socket's name for the app (LISTEN_FDNAMES): letters, digits, '_', '.' and '-', at most 255 (default \"http\").",
              type: "string",
              pattern: "^[A-Za-z0-9_.-]{1,255}$",
            },
          },
        },
        restartPolicy: { enum: ["Always", "OnFailure", "Never"] },
        restartBackoff: {
          title: "RestartBackoff",
          description: "CrashLoopBackOff curve: first restart at once, then initial doubling up to max; reset after resetAfter running.",
          type: "object",
          additionalProperties: false,
          properties: { initial: { $ref: "#/$defs/duration" }, max: { $ref: "#/$defs/duration" }, resetAfter: { $ref: "#/$defs/duration" } },
        },
        maxRestarts: {
          description: "PM2 semantics: this many exits in a row, each before minUptime, and the instance is errored.",
          type: "integer",
          minimum: 0,
        },
        minUptime: { $ref: "#/$defs/duration" },
        restartDelay: {
          description: "A fixed delay before every restart (PM2 restart_delay); replaces the back-off curve when set.",
          $ref: "#/$defs/duration",
        },
        readinessProbe: { $ref: "#/$defs/probe" },
        livenessProbe: { $ref: "#/$defs/probe" },
        stopSignal: { enum: ["SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGKILL"] },
        stopTimeout: { $ref: "#/$defs/duration" },
        reloadOrder: {
          description:
            "How reload replaces an instance. StartFirst: the new process starts and must be ready before the old one stops, even on the same port (the app must bind with SO_REUSEPORT to share it). StopFirst: the old one stops first. Default: StartFirst when the instance's ports change, StopFirst when they stay.",
          enum: ["StartFirst", "StopFirst"],
        },
        maxMemory: { $ref: "#/$defs/byteSize" },
        logs: {
          title: "LogSpec",
          type: "object",
          additionalProperties: false,
          properties: {
            out: { description: "stdout file (default <home>/logs/NAME-INDEX.out.log)", type: "string" },
            err: { description: "stderr file (default <home>/logs/NAME-INDEX.err.log)", type: "string" },
            maxSize: { $ref: "#/$defs/byteSize" },
            maxFiles: { type: "integer", minimum: 1, maximum: 100 },
          },
        },
        dependsOn: {
          description: "Apps that must be up before this one starts (docker compose depends_on). A cycle is an error.",
          type: "array",
          items: { $ref: "#/$defs/dependency" },
        },
        envFile: {
          description:
            "dotenv file(s) read as `node --env-file` reads them; relative paths resolve against the manifest's folder. Precedence: envFile < env < injected variables; a later file wins over an earlier one. A missing file is an error.",
          type: ["string", "array"],
          minLength: 1,
          items: { type: "string", minLength: 1 },
        },
        cronRestart: {
          description:
            'Rolling restart on a schedule: a cron expression of 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), in the host\'s time zone, e.g. "0 3 * * *".',
          type: "string",
          minLength: 1,
        },
        watch: { $ref: "#/$defs/watchSpec" },
      },
    },
    dependency: {
      title: "Dependency",
      description:
        "An app that must be up first: its name (lower case letters, digits and '-'), or {name, condition} with condition Ready (default) or Started.",
      type: ["string", "object"],
      maxLength: 63,
      pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
      required: ["name"],
      additionalProperties: false,
      properties: {
        name: {
          description: "the name of an app (lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)",
          type: "string",
          maxLength: 63,
          pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
        },
        condition: {
          description: "Ready (default): every instance of the dependency is ready. Started: every instance has started.",
          enum: ["Ready", "Started"],
        },
      },
    },
    watchSpec: {
      title: "WatchSpec",
      description: "Restart (rolling) when files change: true watches the app's cwd; a map can name paths, ignore globs and the debounce.",
      type: ["boolean", "object"],
      additionalProperties: false,
      properties: {
        paths: {
          description: "Folders or files to watch (relative paths resolve against the app's cwd). Default: the cwd.",
          type: "array",
          minItems: 1,
          items: { type: "string", minLength: 1 },
        },
        ignore: {
          description:
            "Globs to ignore, as in .gitignore: a pattern without '/' matches a file or folder name at any depth, one with '/' the path under a watched folder. node_modules, dot-files and the app's own logs are always ignored.",
          type: "array",
          items: { type: "string", minLength: 1 },
        },
        debounce: { description: "Quiet time after the last change before the restart (default 500ms).", $ref: "#/$defs/duration" },
      },
    },
  },
};
const schema32 = {
  title: "Metadata",
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: {
    name: {
      description: "DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.",
      type: "string",
      maxLength: 63,
      pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
    },
    labels: {
      type: "object",
      additionalProperties: { type: "string" },
      propertyNames: { maxLength: 63, pattern: "^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$" },
    },
    annotations: { type: "object", additionalProperties: { type: "string" } },
  },
};
const func1 = require("ajv/dist/runtime/ucs2length").default;
const pattern4 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");
const pattern5 = new RegExp("^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$", "u");
const schema33 = {
  title: "AppSpecInput",
  type: "object",
  required: ["script"],
  additionalProperties: false,
  properties: {
    script: { description: "The program to run (looked up on PATH), or a command line when shell is true.", type: "string", minLength: 1 },
    args: { type: "array", items: { type: "string" } },
    cwd: { description: "Working directory; relative paths resolve against the manifest's folder.", type: "string" },
    env: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] }, propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" } },
    inheritEnv: {
      description:
        "Start the app with the controller's environment (default true, as PM2). false: only PATH, HOME, LANG and USER from it, then env and the injected variables.",
      type: "boolean",
    },
    shell: {
      description:
        'Run script as the command of /bin/sh -c; each args element is passed to it as one quoted word ("$@"), never parsed as shell code. Off by default.',
      type: "boolean",
    },
    instances: { type: "integer", minimum: 0, maximum: 10000 },
    port: { $ref: "#/$defs/portSpec" },
    ports: { $ref: "#/$defs/portDemand" },
    socket: {
      title: "SocketSpec",
      description:
        "berth binds and listens on the app's port itself and hands the socket to every instance as fd 3 (systemd's LISTEN_FDS protocol), so restarts and reloads queue clients instead of refusing them. Needs spec.port.",
      type: "object",
      additionalProperties: false,
      properties: {
        shared: {
          description:
            "true: one socket on a single port (or one port of an auto: range) for all instances, PM2 cluster mode for any language. false (default): one socket per instance port.",
          type: "boolean",
        },
        host: { description: 'The IP address to bind, default "::" (dual-stack: IPv6 and IPv4).', type: "string", minLength: 1 },
        backlog: {
          description: "listen(2) backlog: connections that can wait while no instance accepts (capped by net.core.somaxconn). Default 511.",
          type: "integer",
          minimum: 1,
          maximum: 65535,
        },
        name: {
          description: "The socket's name for the app (LISTEN_FDNAMES): letters, digits, '_', '.' and '-', at most 255 (default \"http\").",
          type: "string",
          pattern: "^[A-Za-z0-9_.-]{1,255}$",
        },
      },
    },
    restartPolicy: { enum: ["Always", "OnFailure", "Never"] },
    restartBackoff: {
      title: "RestartBackoff",
      description: "CrashLoopBackOff curve: first restart at once, then initial doubling up to max; reset after resetAfter running.",
      type: "object",
      additionalProperties: false,
      properties: { initial: { $ref: "#/$defs/duration" }, max: { $ref: "#/$defs/duration" }, resetAfter: { $ref: "#/$defs/duration" } },
    },
    maxRestarts: { description: "PM2 semantics: this many exits in a row, each before minUptime, and the instance is errored.", type: "integer", minimum: 0 },
    minUptime: { $ref: "#/$defs/duration" },
    restartDelay: { description: "A fixed delay before every restart (PM2 restart_delay); replaces the back-off curve when set.", $ref: "#/$defs/duration" },
    readinessProbe: { $ref: "#/$defs/probe" },
    livenessProbe: { $ref: "#/$defs/probe" },
    stopSignal: { enum: ["SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGKILL"] },
    stopTimeout: { $ref: "#/$defs/duration" },
    reloadOrder: {
      description:
        "How reload replaces an instance. StartFirst: the new process starts and must be ready before the old one stops, even on the same port (the app must bind with SO_REUSEPORT to share it). StopFirst: the old one stops first. Default: StartFirst when the instance's ports change, StopFirst when they stay.",
      enum: ["StartFirst", "StopFirst"],
    },
    maxMemory: { $ref: "#/$defs/byteSize" },
    logs: {
      title: "LogSpec",
      type: "object",
      additionalProperties: false,
      properties: {
        out: { description: "stdout file (default <home>/logs/NAME-INDEX.out.log)", type: "string" },
        err: { description: "stderr file (default <home>/logs/NAME-INDEX.err.log)", type: "string" },
        maxSize: { $ref: "#/$defs/byteSize" },
        maxFiles: { type: "integer", minimum: 1, maximum: 100 },
      },
    },
    dependsOn: {
      description: "Apps that must be up before this one starts (docker compose depends_on). A cycle is an error.",
      type: "array",
      items: { $ref: "#/$defs/dependency" },
    },
    envFile: {
      description:
        "dotenv file(s) read as `node --env-file` reads them; relative paths resolve against the manifest's folder. Precedence: envFile < env < injected variables; a later file wins over an earlier one. A missing file is an error.",
      type: ["string", "array"],
      minLength: 1,
      items: { type: "string", minLength: 1 },
    },
    cronRestart: {
      description:
        'Rolling restart on a schedule: a cron expression of 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), in the host\'s time zone, e.g. "0 3 * * *".',
      type: "string",
      minLength: 1,
    },
    watch: { $ref: "#/$defs/watchSpec" },
  },
};
const schema34 = {
  description: '3000 | "3000" | "3000-3003" (instance i gets start+i) | "auto:5000-5100" (first free ports in the range).',
  oneOf: [
    { type: "integer", minimum: 1, maximum: 65535 },
    { type: "string", pattern: "^(auto:)?[0-9]+(-[0-9]+)?$" },
  ],
};
const schema35 = {
  title: "PortDemand",
  description: "Contiguous blocks of ports taken from the pool (NethServer-style).",
  type: "object",
  additionalProperties: false,
  properties: { tcp: { type: "integer", minimum: 0, maximum: 1000 }, udp: { type: "integer", minimum: 0, maximum: 1000 } },
};
const schema36 = {
  description: 'A duration: a number of milliseconds, or a string such as "500ms", "10s", "5m", "1h".',
  oneOf: [
    { type: "integer", minimum: 0 },
    { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
  ],
};
const schema46 = {
  description: 'A size: a number of bytes, or a string such as "512K", "512M", "1G" (powers of 1024).',
  oneOf: [
    { type: "integer", minimum: 1 },
    { type: "string", pattern: "^[0-9]+(\\.[0-9]+)?[KMG]B?$" },
  ],
};
const schema48 = {
  title: "Dependency",
  description: "An app that must be up first: its name (lower case letters, digits and '-'), or {name, condition} with condition Ready (default) or Started.",
  type: ["string", "object"],
  maxLength: 63,
  pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
  required: ["name"],
  additionalProperties: false,
  properties: {
    name: {
      description: "the name of an app (lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)",
      type: "string",
      maxLength: 63,
      pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
    },
    condition: { description: "Ready (default): every instance of the dependency is ready. Started: every instance has started.", enum: ["Ready", "Started"] },
  },
};
const func3 = Object.prototype.hasOwnProperty;
const pattern6 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const pattern7 = new RegExp("^(auto:)?[0-9]+(-[0-9]+)?$", "u");
const pattern8 = new RegExp("^[A-Za-z0-9_.-]{1,255}$", "u");
const pattern9 = new RegExp("^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$", "u");
const pattern19 = new RegExp("^[0-9]+(\\.[0-9]+)?[KMG]B?$", "u");
const schema41 = {
  title: "Probe",
  description: "A health check: exactly one of http, tcp or exec.",
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    http: {
      type: "object",
      additionalProperties: false,
      properties: {
        path: { type: "string", pattern: "^/" },
        port: { type: "integer", minimum: 1, maximum: 65535 },
        host: { type: "string", enum: ["127.0.0.1", "::1", "localhost"] },
      },
    },
    tcp: {
      type: "object",
      additionalProperties: false,
      properties: { port: { type: "integer", minimum: 1, maximum: 65535 }, host: { type: "string", enum: ["127.0.0.1", "::1", "localhost"] } },
    },
    exec: {
      type: "object",
      additionalProperties: false,
      required: ["command"],
      properties: { command: { type: "array", minItems: 1, items: { type: "string" } } },
    },
    initialDelay: { $ref: "#/$defs/duration" },
    interval: { $ref: "#/$defs/duration" },
    timeout: { $ref: "#/$defs/duration" },
    failureThreshold: { type: "integer", minimum: 1 },
    successThreshold: { type: "integer", minimum: 1 },
  },
};
const pattern14 = new RegExp("^/", "u");
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (Object.keys(data).length < 1) {
      const err0 = {
        instancePath,
        schemaPath: "#/minProperties",
        keyword: "minProperties",
        params: { limit: 1 },
        message: "must NOT have fewer than 1 properties",
        schema: 1,
        parentSchema: schema41,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(
        key0 === "http" ||
        key0 === "tcp" ||
        key0 === "exec" ||
        key0 === "initialDelay" ||
        key0 === "interval" ||
        key0 === "timeout" ||
        key0 === "failureThreshold" ||
        key0 === "successThreshold"
      )) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema41,
          data,
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.http !== undefined) {
      let data0 = data.http;
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        for (const key1 in data0) {
          if (!(key1 === "path" || key1 === "port" || key1 === "host")) {
            const err2 = {
              instancePath: instancePath + "/http",
              schemaPath: "#/properties/http/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key1 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema41.properties.http,
              data: data0,
            };
            if (vErrors === null) {
              vErrors = [err2];
            } else {
              vErrors.push(err2);
            }
            errors++;
          }
        }
        if (data0.path !== undefined) {
          let data1 = data0.path;
          if (typeof data1 === "string") {
            if (!pattern14.test(data1)) {
              const err3 = {
                instancePath: instancePath + "/http/path",
                schemaPath: "#/properties/http/properties/path/pattern",
                keyword: "pattern",
                params: { pattern: "^/" },
                message: 'must match pattern "' + "^/" + '"',
                schema: "^/",
                parentSchema: schema41.properties.http.properties.path,
                data: data1,
              };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = {
              instancePath: instancePath + "/http/path",
              schemaPath: "#/properties/http/properties/path/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema41.properties.http.properties.path.type,
              parentSchema: schema41.properties.http.properties.path,
              data: data1,
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data0.port !== undefined) {
          let data2 = data0.port;
          if (!(typeof data2 == "number" && !(data2 % 1) && !isNaN(data2) && isFinite(data2))) {
            const err5 = {
              instancePath: instancePath + "/http/port",
              schemaPath: "#/properties/http/properties/port/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema41.properties.http.properties.port.type,
              parentSchema: schema41.properties.http.properties.port,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
          if (typeof data2 == "number" && isFinite(data2)) {
            if (data2 > 65535 || isNaN(data2)) {
              const err6 = {
                instancePath: instancePath + "/http/port",
                schemaPath: "#/properties/http/properties/port/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 65535 },
                message: "must be <= 65535",
                schema: 65535,
                parentSchema: schema41.properties.http.properties.port,
                data: data2,
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
            if (data2 < 1 || isNaN(data2)) {
              const err7 = {
                instancePath: instancePath + "/http/port",
                schemaPath: "#/properties/http/properties/port/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 1 },
                message: "must be >= 1",
                schema: 1,
                parentSchema: schema41.properties.http.properties.port,
                data: data2,
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          }
        }
        if (data0.host !== undefined) {
          let data3 = data0.host;
          if (typeof data3 !== "string") {
            const err8 = {
              instancePath: instancePath + "/http/host",
              schemaPath: "#/properties/http/properties/host/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema41.properties.http.properties.host.type,
              parentSchema: schema41.properties.http.properties.host,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
          if (!(data3 === "127.0.0.1" || data3 === "::1" || data3 === "localhost")) {
            const err9 = {
              instancePath: instancePath + "/http/host",
              schemaPath: "#/properties/http/properties/host/enum",
              keyword: "enum",
              params: { allowedValues: schema41.properties.http.properties.host.enum },
              message: "must be equal to one of the allowed values",
              schema: schema41.properties.http.properties.host.enum,
              parentSchema: schema41.properties.http.properties.host,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = {
          instancePath: instancePath + "/http",
          schemaPath: "#/properties/http/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema41.properties.http.type,
          parentSchema: schema41.properties.http,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.tcp !== undefined) {
      let data4 = data.tcp;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        for (const key2 in data4) {
          if (!(key2 === "port" || key2 === "host")) {
            const err11 = {
              instancePath: instancePath + "/tcp",
              schemaPath: "#/properties/tcp/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key2 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema41.properties.tcp,
              data: data4,
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data4.port !== undefined) {
          let data5 = data4.port;
          if (!(typeof data5 == "number" && !(data5 % 1) && !isNaN(data5) && isFinite(data5))) {
            const err12 = {
              instancePath: instancePath + "/tcp/port",
              schemaPath: "#/properties/tcp/properties/port/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema41.properties.tcp.properties.port.type,
              parentSchema: schema41.properties.tcp.properties.port,
              data: data5,
            };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
          if (typeof data5 == "number" && isFinite(data5)) {
            if (data5 > 65535 || isNaN(data5)) {
              const err13 = {
                instancePath: instancePath + "/tcp/port",
                schemaPath: "#/properties/tcp/properties/port/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 65535 },
                message: "must be <= 65535",
                schema: 65535,
                parentSchema: schema41.properties.tcp.properties.port,
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (data5 < 1 || isNaN(data5)) {
              const err14 = {
                instancePath: instancePath + "/tcp/port",
                schemaPath: "#/properties/tcp/properties/port/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 1 },
                message: "must be >= 1",
                schema: 1,
                parentSchema: schema41.properties.tcp.properties.port,
                data: data5,
              };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          }
        }
        if (data4.host !== undefined) {
          let data6 = data4.host;
          if (typeof data6 !== "string") {
            const err15 = {
              instancePath: instancePath + "/tcp/host",
              schemaPath: "#/properties/tcp/properties/host/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema41.properties.tcp.properties.host.type,
              parentSchema: schema41.properties.tcp.properties.host,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
          if (!(data6 === "127.0.0.1" || data6 === "::1" || data6 === "localhost")) {
            const err16 = {
              instancePath: instancePath + "/tcp/host",
              schemaPath: "#/properties/tcp/properties/host/enum",
              keyword: "enum",
              params: { allowedValues: schema41.properties.tcp.properties.host.enum },
              message: "must be equal to one of the allowed values",
              schema: schema41.properties.tcp.properties.host.enum,
              parentSchema: schema41.properties.tcp.properties.host,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = {
          instancePath: instancePath + "/tcp",
          schemaPath: "#/properties/tcp/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema41.properties.tcp.type,
          parentSchema: schema41.properties.tcp,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.exec !== undefined) {
      let data7 = data.exec;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        if (data7.command === undefined) {
          const err18 = {
            instancePath: instancePath + "/exec",
            schemaPath: "#/properties/exec/required",
            keyword: "required",
            params: { missingProperty: "command" },
            message: "must have required property '" + "command" + "'",
            schema: schema41.properties.exec.required,
            parentSchema: schema41.properties.exec,
            data: data7,
          };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        for (const key3 in data7) {
          if (!(key3 === "command")) {
            const err19 = {
              instancePath: instancePath + "/exec",
              schemaPath: "#/properties/exec/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key3 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema41.properties.exec,
              data: data7,
            };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data7.command !== undefined) {
          let data8 = data7.command;
          if (Array.isArray(data8)) {
            if (data8.length < 1) {
              const err20 = {
                instancePath: instancePath + "/exec/command",
                schemaPath: "#/properties/exec/properties/command/minItems",
                keyword: "minItems",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 items",
                schema: 1,
                parentSchema: schema41.properties.exec.properties.command,
                data: data8,
              };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
            const len0 = data8.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data9 = data8[i0];
              if (typeof data9 !== "string") {
                const err21 = {
                  instancePath: instancePath + "/exec/command/" + i0,
                  schemaPath: "#/properties/exec/properties/command/items/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema41.properties.exec.properties.command.items.type,
                  parentSchema: schema41.properties.exec.properties.command.items,
                  data: data9,
                };
                if (vErrors === null) {
                  vErrors = [err21];
                } else {
                  vErrors.push(err21);
                }
                errors++;
              }
            }
          } else {
            const err22 = {
              instancePath: instancePath + "/exec/command",
              schemaPath: "#/properties/exec/properties/command/type",
              keyword: "type",
              params: { type: "array" },
              message: "must be array",
              schema: schema41.properties.exec.properties.command.type,
              parentSchema: schema41.properties.exec.properties.command,
              data: data8,
            };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
      } else {
        const err23 = {
          instancePath: instancePath + "/exec",
          schemaPath: "#/properties/exec/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema41.properties.exec.type,
          parentSchema: schema41.properties.exec,
          data: data7,
        };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.initialDelay !== undefined) {
      let data10 = data.initialDelay;
      const _errs27 = errors;
      let valid7 = false;
      let passing0 = null;
      const _errs28 = errors;
      if (!(typeof data10 == "number" && !(data10 % 1) && !isNaN(data10) && isFinite(data10))) {
        const err24 = {
          instancePath: instancePath + "/initialDelay",
          schemaPath: "#/$defs/duration/oneOf/0/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema36.oneOf[0].type,
          parentSchema: schema36.oneOf[0],
          data: data10,
        };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      if (typeof data10 == "number" && isFinite(data10)) {
        if (data10 < 0 || isNaN(data10)) {
          const err25 = {
            instancePath: instancePath + "/initialDelay",
            schemaPath: "#/$defs/duration/oneOf/0/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
            schema: 0,
            parentSchema: schema36.oneOf[0],
            data: data10,
          };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      }
      var _valid0 = _errs28 === errors;
      if (_valid0) {
        valid7 = true;
        passing0 = 0;
      }
      const _errs30 = errors;
      if (typeof data10 === "string") {
        if (!pattern9.test(data10)) {
          const err26 = {
            instancePath: instancePath + "/initialDelay",
            schemaPath: "#/$defs/duration/oneOf/1/pattern",
            keyword: "pattern",
            params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
            message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
            schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
            parentSchema: schema36.oneOf[1],
            data: data10,
          };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      } else {
        const err27 = {
          instancePath: instancePath + "/initialDelay",
          schemaPath: "#/$defs/duration/oneOf/1/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema36.oneOf[1].type,
          parentSchema: schema36.oneOf[1],
          data: data10,
        };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
      var _valid0 = _errs30 === errors;
      if (_valid0 && valid7) {
        valid7 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid7 = true;
          passing0 = 1;
        }
      }
      if (!valid7) {
        const err28 = {
          instancePath: instancePath + "/initialDelay",
          schemaPath: "#/$defs/duration/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing0 },
          message: "must match exactly one schema in oneOf",
          schema: schema36.oneOf,
          parentSchema: schema36,
          data: data10,
        };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      } else {
        errors = _errs27;
        if (vErrors !== null) {
          if (_errs27) {
            vErrors.length = _errs27;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.interval !== undefined) {
      let data11 = data.interval;
      const _errs34 = errors;
      let valid9 = false;
      let passing1 = null;
      const _errs35 = errors;
      if (!(typeof data11 == "number" && !(data11 % 1) && !isNaN(data11) && isFinite(data11))) {
        const err29 = {
          instancePath: instancePath + "/interval",
          schemaPath: "#/$defs/duration/oneOf/0/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema36.oneOf[0].type,
          parentSchema: schema36.oneOf[0],
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
      if (typeof data11 == "number" && isFinite(data11)) {
        if (data11 < 0 || isNaN(data11)) {
          const err30 = {
            instancePath: instancePath + "/interval",
            schemaPath: "#/$defs/duration/oneOf/0/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
            schema: 0,
            parentSchema: schema36.oneOf[0],
            data: data11,
          };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
      }
      var _valid1 = _errs35 === errors;
      if (_valid1) {
        valid9 = true;
        passing1 = 0;
      }
      const _errs37 = errors;
      if (typeof data11 === "string") {
        if (!pattern9.test(data11)) {
          const err31 = {
            instancePath: instancePath + "/interval",
            schemaPath: "#/$defs/duration/oneOf/1/pattern",
            keyword: "pattern",
            params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
            message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
            schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
            parentSchema: schema36.oneOf[1],
            data: data11,
          };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
      } else {
        const err32 = {
          instancePath: instancePath + "/interval",
          schemaPath: "#/$defs/duration/oneOf/1/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema36.oneOf[1].type,
          parentSchema: schema36.oneOf[1],
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
      var _valid1 = _errs37 === errors;
      if (_valid1 && valid9) {
        valid9 = false;
        passing1 = [passing1, 1];
      } else {
        if (_valid1) {
          valid9 = true;
          passing1 = 1;
        }
      }
      if (!valid9) {
        const err33 = {
          instancePath: instancePath + "/interval",
          schemaPath: "#/$defs/duration/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing1 },
          message: "must match exactly one schema in oneOf",
          schema: schema36.oneOf,
          parentSchema: schema36,
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      } else {
        errors = _errs34;
        if (vErrors !== null) {
          if (_errs34) {
            vErrors.length = _errs34;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.timeout !== undefined) {
      let data12 = data.timeout;
      const _errs41 = errors;
      let valid11 = false;
      let passing2 = null;
      const _errs42 = errors;
      if (!(typeof data12 == "number" && !(data12 % 1) && !isNaN(data12) && isFinite(data12))) {
        const err34 = {
          instancePath: instancePath + "/timeout",
          schemaPath: "#/$defs/duration/oneOf/0/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema36.oneOf[0].type,
          parentSchema: schema36.oneOf[0],
          data: data12,
        };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
      if (typeof data12 == "number" && isFinite(data12)) {
        if (data12 < 0 || isNaN(data12)) {
          const err35 = {
            instancePath: instancePath + "/timeout",
            schemaPath: "#/$defs/duration/oneOf/0/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
            schema: 0,
            parentSchema: schema36.oneOf[0],
            data: data12,
          };
          if (vErrors === null) {
            vErrors = [err35];
          } else {
            vErrors.push(err35);
          }
          errors++;
        }
      }
      var _valid2 = _errs42 === errors;
      if (_valid2) {
        valid11 = true;
        passing2 = 0;
      }
      const _errs44 = errors;
      if (typeof data12 === "string") {
        if (!pattern9.test(data12)) {
          const err36 = {
            instancePath: instancePath + "/timeout",
            schemaPath: "#/$defs/duration/oneOf/1/pattern",
            keyword: "pattern",
            params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
            message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
            schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
            parentSchema: schema36.oneOf[1],
            data: data12,
          };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
      } else {
        const err37 = {
          instancePath: instancePath + "/timeout",
          schemaPath: "#/$defs/duration/oneOf/1/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema36.oneOf[1].type,
          parentSchema: schema36.oneOf[1],
          data: data12,
        };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
      var _valid2 = _errs44 === errors;
      if (_valid2 && valid11) {
        valid11 = false;
        passing2 = [passing2, 1];
      } else {
        if (_valid2) {
          valid11 = true;
          passing2 = 1;
        }
      }
      if (!valid11) {
        const err38 = {
          instancePath: instancePath + "/timeout",
          schemaPath: "#/$defs/duration/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing2 },
          message: "must match exactly one schema in oneOf",
          schema: schema36.oneOf,
          parentSchema: schema36,
          data: data12,
        };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      } else {
        errors = _errs41;
        if (vErrors !== null) {
          if (_errs41) {
            vErrors.length = _errs41;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.failureThreshold !== undefined) {
      let data13 = data.failureThreshold;
      if (!(typeof data13 == "number" && !(data13 % 1) && !isNaN(data13) && isFinite(data13))) {
        const err39 = {
          instancePath: instancePath + "/failureThreshold",
          schemaPath: "#/properties/failureThreshold/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema41.properties.failureThreshold.type,
          parentSchema: schema41.properties.failureThreshold,
          data: data13,
        };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
      if (typeof data13 == "number" && isFinite(data13)) {
        if (data13 < 1 || isNaN(data13)) {
          const err40 = {
            instancePath: instancePath + "/failureThreshold",
            schemaPath: "#/properties/failureThreshold/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 1 },
            message: "must be >= 1",
            schema: 1,
            parentSchema: schema41.properties.failureThreshold,
            data: data13,
          };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
      }
    }
    if (data.successThreshold !== undefined) {
      let data14 = data.successThreshold;
      if (!(typeof data14 == "number" && !(data14 % 1) && !isNaN(data14) && isFinite(data14))) {
        const err41 = {
          instancePath: instancePath + "/successThreshold",
          schemaPath: "#/properties/successThreshold/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema41.properties.successThreshold.type,
          parentSchema: schema41.properties.successThreshold,
          data: data14,
        };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
      if (typeof data14 == "number" && isFinite(data14)) {
        if (data14 < 1 || isNaN(data14)) {
          const err42 = {
            instancePath: instancePath + "/successThreshold",
            schemaPath: "#/properties/successThreshold/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 1 },
            message: "must be >= 1",
            schema: 1,
            parentSchema: schema41.properties.successThreshold,
            data: data14,
          };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
      }
    }
  } else {
    const err43 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema41.type,
      parentSchema: schema41,
      data,
    };
    if (vErrors === null) {
      vErrors = [err43];
    } else {
      vErrors.push(err43);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
validate22.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
const schema49 = {
  title: "WatchSpec",
  description: "Restart (rolling) when files change: true watches the app's cwd; a map can name paths, ignore globs and the debounce.",
  type: ["boolean", "object"],
  additionalProperties: false,
  properties: {
    paths: {
      description: "Folders or files to watch (relative paths resolve against the app's cwd). Default: the cwd.",
      type: "array",
      minItems: 1,
      items: { type: "string", minLength: 1 },
    },
    ignore: {
      description:
        "Globs to ignore, as in .gitignore: a pattern without '/' matches a file or folder name at any depth, one with '/' the path under a watched folder. node_modules, dot-files and the app's own logs are always ignored.",
      type: "array",
      items: { type: "string", minLength: 1 },
    },
    debounce: { description: "Quiet time after the last change before the restart (default 500ms).", $ref: "#/$defs/duration" },
  },
};
function validate25(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate25.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (typeof data !== "boolean" && !(data && typeof data == "object" && !Array.isArray(data))) {
    const err0 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: schema49.type },
      message: "must be boolean,object",
      schema: schema49.type,
      parentSchema: schema49,
      data,
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "paths" || key0 === "ignore" || key0 === "debounce")) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema49,
          data,
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.paths !== undefined) {
      let data0 = data.paths;
      if (Array.isArray(data0)) {
        if (data0.length < 1) {
          const err2 = {
            instancePath: instancePath + "/paths",
            schemaPath: "#/properties/paths/minItems",
            keyword: "minItems",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 items",
            schema: 1,
            parentSchema: schema49.properties.paths,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (typeof data1 === "string") {
            if (func1(data1) < 1) {
              const err3 = {
                instancePath: instancePath + "/paths/" + i0,
                schemaPath: "#/properties/paths/items/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
                schema: 1,
                parentSchema: schema49.properties.paths.items,
                data: data1,
              };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = {
              instancePath: instancePath + "/paths/" + i0,
              schemaPath: "#/properties/paths/items/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema49.properties.paths.items.type,
              parentSchema: schema49.properties.paths.items,
              data: data1,
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + "/paths",
          schemaPath: "#/properties/paths/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema49.properties.paths.type,
          parentSchema: schema49.properties.paths,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.ignore !== undefined) {
      let data2 = data.ignore;
      if (Array.isArray(data2)) {
        const len1 = data2.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data3 = data2[i1];
          if (typeof data3 === "string") {
            if (func1(data3) < 1) {
              const err6 = {
                instancePath: instancePath + "/ignore/" + i1,
                schemaPath: "#/properties/ignore/items/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
                schema: 1,
                parentSchema: schema49.properties.ignore.items,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = {
              instancePath: instancePath + "/ignore/" + i1,
              schemaPath: "#/properties/ignore/items/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema49.properties.ignore.items.type,
              parentSchema: schema49.properties.ignore.items,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = {
          instancePath: instancePath + "/ignore",
          schemaPath: "#/properties/ignore/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema49.properties.ignore.type,
          parentSchema: schema49.properties.ignore,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.debounce !== undefined) {
      let data4 = data.debounce;
      const _errs12 = errors;
      let valid6 = false;
      let passing0 = null;
      const _errs13 = errors;
      if (!(typeof data4 == "number" && !(data4 % 1) && !isNaN(data4) && isFinite(data4))) {
        const err9 = {
          instancePath: instancePath + "/debounce",
          schemaPath: "#/$defs/duration/oneOf/0/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema36.oneOf[0].type,
          parentSchema: schema36.oneOf[0],
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
      if (typeof data4 == "number" && isFinite(data4)) {
        if (data4 < 0 || isNaN(data4)) {
          const err10 = {
            instancePath: instancePath + "/debounce",
            schemaPath: "#/$defs/duration/oneOf/0/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
            schema: 0,
            parentSchema: schema36.oneOf[0],
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      }
      var _valid0 = _errs13 === errors;
      if (_valid0) {
        valid6 = true;
        passing0 = 0;
      }
      const _errs15 = errors;
      if (typeof data4 === "string") {
        if (!pattern9.test(data4)) {
          const err11 = {
            instancePath: instancePath + "/debounce",
            schemaPath: "#/$defs/duration/oneOf/1/pattern",
            keyword: "pattern",
            params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
            message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
            schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
            parentSchema: schema36.oneOf[1],
            data: data4,
          };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = {
          instancePath: instancePath + "/debounce",
          schemaPath: "#/$defs/duration/oneOf/1/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema36.oneOf[1].type,
          parentSchema: schema36.oneOf[1],
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      var _valid0 = _errs15 === errors;
      if (_valid0 && valid6) {
        valid6 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid6 = true;
          passing0 = 1;
        }
      }
      if (!valid6) {
        const err13 = {
          instancePath: instancePath + "/debounce",
          schemaPath: "#/$defs/duration/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing0 },
          message: "must match exactly one schema in oneOf",
          schema: schema36.oneOf,
          parentSchema: schema36,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      } else {
        errors = _errs12;
        if (vErrors !== null) {
          if (_errs12) {
            vErrors.length = _errs12;
          } else {
            vErrors = null;
          }
        }
      }
    }
  }
  validate25.errors = vErrors;
  return errors === 0;
}
validate25.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.script === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "script" },
        message: "must have required property '" + "script" + "'",
        schema: schema33.required,
        parentSchema: schema33,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func3.call(schema33.properties, key0)) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema33,
          data,
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.script !== undefined) {
      let data0 = data.script;
      if (typeof data0 === "string") {
        if (func1(data0) < 1) {
          const err2 = {
            instancePath: instancePath + "/script",
            schemaPath: "#/properties/script/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
            schema: 1,
            parentSchema: schema33.properties.script,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
      } else {
        const err3 = {
          instancePath: instancePath + "/script",
          schemaPath: "#/properties/script/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema33.properties.script.type,
          parentSchema: schema33.properties.script,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.args !== undefined) {
      let data1 = data.args;
      if (Array.isArray(data1)) {
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 !== "string") {
            const err4 = {
              instancePath: instancePath + "/args/" + i0,
              schemaPath: "#/properties/args/items/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema33.properties.args.items.type,
              parentSchema: schema33.properties.args.items,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + "/args",
          schemaPath: "#/properties/args/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema33.properties.args.type,
          parentSchema: schema33.properties.args,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.cwd !== undefined) {
      let data3 = data.cwd;
      if (typeof data3 !== "string") {
        const err6 = {
          instancePath: instancePath + "/cwd",
          schemaPath: "#/properties/cwd/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema33.properties.cwd.type,
          parentSchema: schema33.properties.cwd,
          data: data3,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.env !== undefined) {
      let data4 = data.env;
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        for (const key1 in data4) {
          const _errs12 = errors;
          if (typeof key1 === "string") {
            if (!pattern6.test(key1)) {
              const err7 = {
                instancePath: instancePath + "/env",
                schemaPath: "#/properties/env/propertyNames/pattern",
                keyword: "pattern",
                params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
                message: 'must match pattern "' + "^[A-Za-z_][A-Za-z0-9_]*$" + '"',
                schema: "^[A-Za-z_][A-Za-z0-9_]*$",
                parentSchema: schema33.properties.env.propertyNames,
                data: key1,
                propertyName: key1,
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          }
          var valid3 = _errs12 === errors;
          if (!valid3) {
            const err8 = {
              instancePath: instancePath + "/env",
              schemaPath: "#/properties/env/propertyNames",
              keyword: "propertyNames",
              params: { propertyName: key1 },
              message: "property name must be valid",
              schema: schema33.properties.env.propertyNames,
              parentSchema: schema33.properties.env,
              data: data4,
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        for (const key2 in data4) {
          let data5 = data4[key2];
          if (typeof data5 !== "string" && !(typeof data5 == "number" && isFinite(data5)) && typeof data5 !== "boolean") {
            const err9 = {
              instancePath: instancePath + "/env/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/properties/env/additionalProperties/type",
              keyword: "type",
              params: { type: schema33.properties.env.additionalProperties.type },
              message: "must be string,number,boolean",
              schema: schema33.properties.env.additionalProperties.type,
              parentSchema: schema33.properties.env.additionalProperties,
              data: data5,
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
        }
      } else {
        const err10 = {
          instancePath: instancePath + "/env",
          schemaPath: "#/properties/env/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema33.properties.env.type,
          parentSchema: schema33.properties.env,
          data: data4,
        };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.inheritEnv !== undefined) {
      let data6 = data.inheritEnv;
      if (typeof data6 !== "boolean") {
        const err11 = {
          instancePath: instancePath + "/inheritEnv",
          schemaPath: "#/properties/inheritEnv/type",
          keyword: "type",
          params: { type: "boolean" },
          message: "must be boolean",
          schema: schema33.properties.inheritEnv.type,
          parentSchema: schema33.properties.inheritEnv,
          data: data6,
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.shell !== undefined) {
      let data7 = data.shell;
      if (typeof data7 !== "boolean") {
        const err12 = {
          instancePath: instancePath + "/shell",
          schemaPath: "#/properties/shell/type",
          keyword: "type",
          params: { type: "boolean" },
          message: "must be boolean",
          schema: schema33.properties.shell.type,
          parentSchema: schema33.properties.shell,
          data: data7,
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.instances !== undefined) {
      let data8 = data.instances;
      if (!(typeof data8 == "number" && !(data8 % 1) && !isNaN(data8) && isFinite(data8))) {
        const err13 = {
          instancePath: instancePath + "/instances",
          schemaPath: "#/properties/instances/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema33.properties.instances.type,
          parentSchema: schema33.properties.instances,
          data: data8,
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
      if (typeof data8 == "number" && isFinite(data8)) {
        if (data8 > 10000 || isNaN(data8)) {
          const err14 = {
            instancePath: instancePath + "/instances",
            schemaPath: "#/properties/instances/maximum",
            keyword: "maximum",
            params: { comparison: "<=", limit: 10000 },
            message: "must be <= 10000",
            schema: 10000,
            parentSchema: schema33.properties.instances,
            data: data8,
          };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
        if (data8 < 0 || isNaN(data8)) {
          const err15 = {
            instancePath: instancePath + "/instances",
            schemaPath: "#/properties/instances/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
            schema: 0,
            parentSchema: schema33.properties.instances,
            data: data8,
          };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      }
    }
    if (data.port !== undefined) {
      let data9 = data.port;
      const _errs24 = errors;
      let valid6 = false;
      let passing0 = null;
      const _errs25 = errors;
      if (!(typeof data9 == "number" && !(data9 % 1) && !isNaN(data9) && isFinite(data9))) {
        const err16 = {
          instancePath: instancePath + "/port",
          schemaPath: "#/$defs/portSpec/oneOf/0/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema34.oneOf[0].type,
          parentSchema: schema34.oneOf[0],
          data: data9,
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (typeof data9 == "number" && isFinite(data9)) {
        if (data9 > 65535 || isNaN(data9)) {
          const err17 = {
            instancePath: instancePath + "/port",
            schemaPath: "#/$defs/portSpec/oneOf/0/maximum",
            keyword: "maximum",
            params: { comparison: "<=", limit: 65535 },
            message: "must be <= 65535",
            schema: 65535,
            parentSchema: schema34.oneOf[0],
            data: data9,
          };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        if (data9 < 1 || isNaN(data9)) {
          const err18 = {
            instancePath: instancePath + "/port",
            schemaPath: "#/$defs/portSpec/oneOf/0/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 1 },
            message: "must be >= 1",
            schema: 1,
            parentSchema: schema34.oneOf[0],
            data: data9,
          };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      }
      var _valid0 = _errs25 === errors;
      if (_valid0) {
        valid6 = true;
        passing0 = 0;
      }
      const _errs27 = errors;
      if (typeof data9 === "string") {
        if (!pattern7.test(data9)) {
          const err19 = {
            instancePath: instancePath + "/port",
            schemaPath: "#/$defs/portSpec/oneOf/1/pattern",
            keyword: "pattern",
            params: { pattern: "^(auto:)?[0-9]+(-[0-9]+)?$" },
            message: 'must match pattern "' + "^(auto:)?[0-9]+(-[0-9]+)?$" + '"',
            schema: "^(auto:)?[0-9]+(-[0-9]+)?$",
            parentSchema: schema34.oneOf[1],
            data: data9,
          };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = {
          instancePath: instancePath + "/port",
          schemaPath: "#/$defs/portSpec/oneOf/1/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema34.oneOf[1].type,
          parentSchema: schema34.oneOf[1],
          data: data9,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      var _valid0 = _errs27 === errors;
      if (_valid0 && valid6) {
        valid6 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid6 = true;
          passing0 = 1;
        }
      }
      if (!valid6) {
        const err21 = {
          instancePath: instancePath + "/port",
          schemaPath: "#/$defs/portSpec/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing0 },
          message: "must match exactly one schema in oneOf",
          schema: schema34.oneOf,
          parentSchema: schema34,
          data: data9,
        };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      } else {
        errors = _errs24;
        if (vErrors !== null) {
          if (_errs24) {
            vErrors.length = _errs24;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.ports !== undefined) {
      let data10 = data.ports;
      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
        for (const key3 in data10) {
          if (!(key3 === "tcp" || key3 === "udp")) {
            const err22 = {
              instancePath: instancePath + "/ports",
              schemaPath: "#/$defs/portDemand/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key3 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema35,
              data: data10,
            };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
        if (data10.tcp !== undefined) {
          let data11 = data10.tcp;
          if (!(typeof data11 == "number" && !(data11 % 1) && !isNaN(data11) && isFinite(data11))) {
            const err23 = {
              instancePath: instancePath + "/ports/tcp",
              schemaPath: "#/$defs/portDemand/properties/tcp/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema35.properties.tcp.type,
              parentSchema: schema35.properties.tcp,
              data: data11,
            };
            if (vErrors === null) {
              vErrors = [err23];
            } else {
              vErrors.push(err23);
            }
            errors++;
          }
          if (typeof data11 == "number" && isFinite(data11)) {
            if (data11 > 1000 || isNaN(data11)) {
              const err24 = {
                instancePath: instancePath + "/ports/tcp",
                schemaPath: "#/$defs/portDemand/properties/tcp/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 1000 },
                message: "must be <= 1000",
                schema: 1000,
                parentSchema: schema35.properties.tcp,
                data: data11,
              };
              if (vErrors === null) {
                vErrors = [err24];
              } else {
                vErrors.push(err24);
              }
              errors++;
            }
            if (data11 < 0 || isNaN(data11)) {
              const err25 = {
                instancePath: instancePath + "/ports/tcp",
                schemaPath: "#/$defs/portDemand/properties/tcp/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 0 },
                message: "must be >= 0",
                schema: 0,
                parentSchema: schema35.properties.tcp,
                data: data11,
              };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
          }
        }
        if (data10.udp !== undefined) {
          let data12 = data10.udp;
          if (!(typeof data12 == "number" && !(data12 % 1) && !isNaN(data12) && isFinite(data12))) {
            const err26 = {
              instancePath: instancePath + "/ports/udp",
              schemaPath: "#/$defs/portDemand/properties/udp/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema35.properties.udp.type,
              parentSchema: schema35.properties.udp,
              data: data12,
            };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
          if (typeof data12 == "number" && isFinite(data12)) {
            if (data12 > 1000 || isNaN(data12)) {
              const err27 = {
                instancePath: instancePath + "/ports/udp",
                schemaPath: "#/$defs/portDemand/properties/udp/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 1000 },
                message: "must be <= 1000",
                schema: 1000,
                parentSchema: schema35.properties.udp,
                data: data12,
              };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
            if (data12 < 0 || isNaN(data12)) {
              const err28 = {
                instancePath: instancePath + "/ports/udp",
                schemaPath: "#/$defs/portDemand/properties/udp/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 0 },
                message: "must be >= 0",
                schema: 0,
                parentSchema: schema35.properties.udp,
                data: data12,
              };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
          }
        }
      } else {
        const err29 = {
          instancePath: instancePath + "/ports",
          schemaPath: "#/$defs/portDemand/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema35.type,
          parentSchema: schema35,
          data: data10,
        };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.socket !== undefined) {
      let data13 = data.socket;
      if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
        for (const key4 in data13) {
          if (!(key4 === "shared" || key4 === "host" || key4 === "backlog" || key4 === "name")) {
            const err30 = {
              instancePath: instancePath + "/socket",
              schemaPath: "#/properties/socket/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key4 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema33.properties.socket,
              data: data13,
            };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data13.shared !== undefined) {
          let data14 = data13.shared;
          if (typeof data14 !== "boolean") {
            const err31 = {
              instancePath: instancePath + "/socket/shared",
              schemaPath: "#/properties/socket/properties/shared/type",
              keyword: "type",
              params: { type: "boolean" },
              message: "must be boolean",
              schema: schema33.properties.socket.properties.shared.type,
              parentSchema: schema33.properties.socket.properties.shared,
              data: data14,
            };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
        }
        if (data13.host !== undefined) {
          let data15 = data13.host;
          if (typeof data15 === "string") {
            if (func1(data15) < 1) {
              const err32 = {
                instancePath: instancePath + "/socket/host",
                schemaPath: "#/properties/socket/properties/host/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
                schema: 1,
                parentSchema: schema33.properties.socket.properties.host,
                data: data15,
              };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          } else {
            const err33 = {
              instancePath: instancePath + "/socket/host",
              schemaPath: "#/properties/socket/properties/host/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema33.properties.socket.properties.host.type,
              parentSchema: schema33.properties.socket.properties.host,
              data: data15,
            };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        if (data13.backlog !== undefined) {
          let data16 = data13.backlog;
          if (!(typeof data16 == "number" && !(data16 % 1) && !isNaN(data16) && isFinite(data16))) {
            const err34 = {
              instancePath: instancePath + "/socket/backlog",
              schemaPath: "#/properties/socket/properties/backlog/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema33.properties.socket.properties.backlog.type,
              parentSchema: schema33.properties.socket.properties.backlog,
              data: data16,
            };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
          if (typeof data16 == "number" && isFinite(data16)) {
            if (data16 > 65535 || isNaN(data16)) {
              const err35 = {
                instancePath: instancePath + "/socket/backlog",
                schemaPath: "#/properties/socket/properties/backlog/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 65535 },
                message: "must be <= 65535",
                schema: 65535,
                parentSchema: schema33.properties.socket.properties.backlog,
                data: data16,
              };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
            if (data16 < 1 || isNaN(data16)) {
              const err36 = {
                instancePath: instancePath + "/socket/backlog",
                schemaPath: "#/properties/socket/properties/backlog/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 1 },
                message: "must be >= 1",
                schema: 1,
                parentSchema: schema33.properties.socket.properties.backlog,
                data: data16,
              };
              if (vErrors === null) {
                vErrors = [err36];
              } else {
                vErrors.push(err36);
              }
              errors++;
            }
          }
        }
        if (data13.name !== undefined) {
          let data17 = data13.name;
          if (typeof data17 === "string") {
            if (!pattern8.test(data17)) {
              const err37 = {
                instancePath: instancePath + "/socket/name",
                schemaPath: "#/properties/socket/properties/name/pattern",
                keyword: "pattern",
                params: { pattern: "^[A-Za-z0-9_.-]{1,255}$" },
                message: 'must match pattern "' + "^[A-Za-z0-9_.-]{1,255}$" + '"',
                schema: "^[A-Za-z0-9_.-]{1,255}$",
                parentSchema: schema33.properties.socket.properties.name,
                data: data17,
              };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          } else {
            const err38 = {
              instancePath: instancePath + "/socket/name",
              schemaPath: "#/properties/socket/properties/name/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema33.properties.socket.properties.name.type,
              parentSchema: schema33.properties.socket.properties.name,
              data: data17,
            };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
      } else {
        const err39 = {
          instancePath: instancePath + "/socket",
          schemaPath: "#/properties/socket/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema33.properties.socket.type,
          parentSchema: schema33.properties.socket,
          data: data13,
        };
        if (vErrors === null) {
          vErrors = [err39];
        } else {
          vErrors.push(err39);
        }
        errors++;
      }
    }
    if (data.restartPolicy !== undefined) {
      let data18 = data.restartPolicy;
      if (!(data18 === "Always" || data18 === "OnFailure" || data18 === "Never")) {
        const err40 = {
          instancePath: instancePath + "/restartPolicy",
          schemaPath: "#/properties/restartPolicy/enum",
          keyword: "enum",
          params: { allowedValues: schema33.properties.restartPolicy.enum },
          message: "must be equal to one of the allowed values",
          schema: schema33.properties.restartPolicy.enum,
          parentSchema: schema33.properties.restartPolicy,
          data: data18,
        };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
    }
    if (data.restartBackoff !== undefined) {
      let data19 = data.restartBackoff;
      if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
        for (const key5 in data19) {
          if (!(key5 === "initial" || key5 === "max" || key5 === "resetAfter")) {
            const err41 = {
              instancePath: instancePath + "/restartBackoff",
              schemaPath: "#/properties/restartBackoff/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key5 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema33.properties.restartBackoff,
              data: data19,
            };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
        }
        if (data19.initial !== undefined) {
          let data20 = data19.initial;
          const _errs54 = errors;
          let valid12 = false;
          let passing1 = null;
          const _errs55 = errors;
          if (!(typeof data20 == "number" && !(data20 % 1) && !isNaN(data20) && isFinite(data20))) {
            const err42 = {
              instancePath: instancePath + "/restartBackoff/initial",
              schemaPath: "#/$defs/duration/oneOf/0/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema36.oneOf[0].type,
              parentSchema: schema36.oneOf[0],
              data: data20,
            };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
          if (typeof data20 == "number" && isFinite(data20)) {
            if (data20 < 0 || isNaN(data20)) {
              const err43 = {
                instancePath: instancePath + "/restartBackoff/initial",
                schemaPath: "#/$defs/duration/oneOf/0/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 0 },
                message: "must be >= 0",
                schema: 0,
                parentSchema: schema36.oneOf[0],
                data: data20,
              };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          }
          var _valid1 = _errs55 === errors;
          if (_valid1) {
            valid12 = true;
            passing1 = 0;
          }
          const _errs57 = errors;
          if (typeof data20 === "string") {
            if (!pattern9.test(data20)) {
              const err44 = {
                instancePath: instancePath + "/restartBackoff/initial",
                schemaPath: "#/$defs/duration/oneOf/1/pattern",
                keyword: "pattern",
                params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
                message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
                schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
                parentSchema: schema36.oneOf[1],
                data: data20,
              };
              if (vErrors === null) {
                vErrors = [err44];
              } else {
                vErrors.push(err44);
              }
              errors++;
            }
          } else {
            const err45 = {
              instancePath: instancePath + "/restartBackoff/initial",
              schemaPath: "#/$defs/duration/oneOf/1/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema36.oneOf[1].type,
              parentSchema: schema36.oneOf[1],
              data: data20,
            };
            if (vErrors === null) {
              vErrors = [err45];
            } else {
              vErrors.push(err45);
            }
            errors++;
          }
          var _valid1 = _errs57 === errors;
          if (_valid1 && valid12) {
            valid12 = false;
            passing1 = [passing1, 1];
          } else {
            if (_valid1) {
              valid12 = true;
              passing1 = 1;
            }
          }
          if (!valid12) {
            const err46 = {
              instancePath: instancePath + "/restartBackoff/initial",
              schemaPath: "#/$defs/duration/oneOf",
              keyword: "oneOf",
              params: { passingSchemas: passing1 },
              message: "must match exactly one schema in oneOf",
              schema: schema36.oneOf,
              parentSchema: schema36,
              data: data20,
            };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          } else {
            errors = _errs54;
            if (vErrors !== null) {
              if (_errs54) {
                vErrors.length = _errs54;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data19.max !== undefined) {
          let data21 = data19.max;
          const _errs61 = errors;
          let valid14 = false;
          let passing2 = null;
          const _errs62 = errors;
          if (!(typeof data21 == "number" && !(data21 % 1) && !isNaN(data21) && isFinite(data21))) {
            const err47 = {
              instancePath: instancePath + "/restartBackoff/max",
              schemaPath: "#/$defs/duration/oneOf/0/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema36.oneOf[0].type,
              parentSchema: schema36.oneOf[0],
              data: data21,
            };
            if (vErrors === null) {
              vErrors = [err47];
            } else {
              vErrors.push(err47);
            }
            errors++;
          }
          if (typeof data21 == "number" && isFinite(data21)) {
            if (data21 < 0 || isNaN(data21)) {
              const err48 = {
                instancePath: instancePath + "/restartBackoff/max",
                schemaPath: "#/$defs/duration/oneOf/0/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 0 },
                message: "must be >= 0",
                schema: 0,
                parentSchema: schema36.oneOf[0],
                data: data21,
              };
              if (vErrors === null) {
                vErrors = [err48];
              } else {
                vErrors.push(err48);
              }
              errors++;
            }
          }
          var _valid2 = _errs62 === errors;
          if (_valid2) {
            valid14 = true;
            passing2 = 0;
          }
          const _errs64 = errors;
          if (typeof data21 === "string") {
            if (!pattern9.test(data21)) {
              const err49 = {
                instancePath: instancePath + "/restartBackoff/max",
                schemaPath: "#/$defs/duration/oneOf/1/pattern",
                keyword: "pattern",
                params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
                message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
                schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
                parentSchema: schema36.oneOf[1],
                data: data21,
              };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
          } else {
            const err50 = {
              instancePath: instancePath + "/restartBackoff/max",
              schemaPath: "#/$defs/duration/oneOf/1/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema36.oneOf[1].type,
              parentSchema: schema36.oneOf[1],
              data: data21,
            };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
          var _valid2 = _errs64 === errors;
          if (_valid2 && valid14) {
            valid14 = false;
            passing2 = [passing2, 1];
          } else {
            if (_valid2) {
              valid14 = true;
              passing2 = 1;
            }
          }
          if (!valid14) {
            const err51 = {
              instancePath: instancePath + "/restartBackoff/max",
              schemaPath: "#/$defs/duration/oneOf",
              keyword: "oneOf",
              params: { passingSchemas: passing2 },
              message: "must match exactly one schema in oneOf",
              schema: schema36.oneOf,
              parentSchema: schema36,
              data: data21,
            };
            if (vErrors === null) {
              vErrors = [err51];
            } else {
              vErrors.push(err51);
            }
            errors++;
          } else {
            errors = _errs61;
            if (vErrors !== null) {
              if (_errs61) {
                vErrors.length = _errs61;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data19.resetAfter !== undefined) {
          let data22 = data19.resetAfter;
          const _errs68 = errors;
          let valid16 = false;
          let passing3 = null;
          const _errs69 = errors;
          if (!(typeof data22 == "number" && !(data22 % 1) && !isNaN(data22) && isFinite(data22))) {
            const err52 = {
              instancePath: instancePath + "/restartBackoff/resetAfter",
              schemaPath: "#/$defs/duration/oneOf/0/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema36.oneOf[0].type,
              parentSchema: schema36.oneOf[0],
              data: data22,
            };
            if (vErrors === null) {
              vErrors = [err52];
            } else {
              vErrors.push(err52);
            }
            errors++;
          }
          if (typeof data22 == "number" && isFinite(data22)) {
            if (data22 < 0 || isNaN(data22)) {
              const err53 = {
                instancePath: instancePath + "/restartBackoff/resetAfter",
                schemaPath: "#/$defs/duration/oneOf/0/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 0 },
                message: "must be >= 0",
                schema: 0,
                parentSchema: schema36.oneOf[0],
                data: data22,
              };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
          }
          var _valid3 = _errs69 === errors;
          if (_valid3) {
            valid16 = true;
            passing3 = 0;
          }
          const _errs71 = errors;
          if (typeof data22 === "string") {
            if (!pattern9.test(data22)) {
              const err54 = {
                instancePath: instancePath + "/restartBackoff/resetAfter",
                schemaPath: "#/$defs/duration/oneOf/1/pattern",
                keyword: "pattern",
                params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
                message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
                schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
                parentSchema: schema36.oneOf[1],
                data: data22,
              };
              if (vErrors === null) {
                vErrors = [err54];
              } else {
                vErrors.push(err54);
              }
              errors++;
            }
          } else {
            const err55 = {
              instancePath: instancePath + "/restartBackoff/resetAfter",
              schemaPath: "#/$defs/duration/oneOf/1/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema36.oneOf[1].type,
              parentSchema: schema36.oneOf[1],
              data: data22,
            };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
          var _valid3 = _errs71 === errors;
          if (_valid3 && valid16) {
            valid16 = false;
            passing3 = [passing3, 1];
          } else {
            if (_valid3) {
              valid16 = true;
              passing3 = 1;
            }
          }
          if (!valid16) {
            const err56 = {
              instancePath: instancePath + "/restartBackoff/resetAfter",
              schemaPath: "#/$defs/duration/oneOf",
              keyword: "oneOf",
              params: { passingSchemas: passing3 },
              message: "must match exactly one schema in oneOf",
              schema: schema36.oneOf,
              parentSchema: schema36,
              data: data22,
            };
            if (vErrors === null) {
              vErrors = [err56];
            } else {
              vErrors.push(err56);
            }
            errors++;
          } else {
            errors = _errs68;
            if (vErrors !== null) {
              if (_errs68) {
                vErrors.length = _errs68;
              } else {
                vErrors = null;
              }
            }
          }
        }
      } else {
        const err57 = {
          instancePath: instancePath + "/restartBackoff",
          schemaPath: "#/properties/restartBackoff/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema33.properties.restartBackoff.type,
          parentSchema: schema33.properties.restartBackoff,
          data: data19,
        };
        if (vErrors === null) {
          vErrors = [err57];
        } else {
          vErrors.push(err57);
        }
        errors++;
      }
    }
    if (data.maxRestarts !== undefined) {
      let data23 = data.maxRestarts;
      if (!(typeof data23 == "number" && !(data23 % 1) && !isNaN(data23) && isFinite(data23))) {
        const err58 = {
          instancePath: instancePath + "/maxRestarts",
          schemaPath: "#/properties/maxRestarts/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema33.properties.maxRestarts.type,
          parentSchema: schema33.properties.maxRestarts,
          data: data23,
        };
        if (vErrors === null) {
          vErrors = [err58];
        } else {
          vErrors.push(err58);
        }
        errors++;
      }
      if (typeof data23 == "number" && isFinite(data23)) {
        if (data23 < 0 || isNaN(data23)) {
          const err59 = {
            instancePath: instancePath + "/maxRestarts",
            schemaPath: "#/properties/maxRestarts/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
            schema: 0,
            parentSchema: schema33.properties.maxRestarts,
            data: data23,
          };
          if (vErrors === null) {
            vErrors = [err59];
          } else {
            vErrors.push(err59);
          }
          errors++;
        }
      }
    }
    if (data.minUptime !== undefined) {
      let data24 = data.minUptime;
      const _errs77 = errors;
      let valid18 = false;
      let passing4 = null;
      const _errs78 = errors;
      if (!(typeof data24 == "number" && !(data24 % 1) && !isNaN(data24) && isFinite(data24))) {
        const err60 = {
          instancePath: instancePath + "/minUptime",
          schemaPath: "#/$defs/duration/oneOf/0/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema36.oneOf[0].type,
          parentSchema: schema36.oneOf[0],
          data: data24,
        };
        if (vErrors === null) {
          vErrors = [err60];
        } else {
          vErrors.push(err60);
        }
        errors++;
      }
      if (typeof data24 == "number" && isFinite(data24)) {
        if (data24 < 0 || isNaN(data24)) {
          const err61 = {
            instancePath: instancePath + "/minUptime",
            schemaPath: "#/$defs/duration/oneOf/0/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
            schema: 0,
            parentSchema: schema36.oneOf[0],
            data: data24,
          };
          if (vErrors === null) {
            vErrors = [err61];
          } else {
            vErrors.push(err61);
          }
          errors++;
        }
      }
      var _valid4 = _errs78 === errors;
      if (_valid4) {
        valid18 = true;
        passing4 = 0;
      }
      const _errs80 = errors;
      if (typeof data24 === "string") {
        if (!pattern9.test(data24)) {
          const err62 = {
            instancePath: instancePath + "/minUptime",
            schemaPath: "#/$defs/duration/oneOf/1/pattern",
            keyword: "pattern",
            params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
            message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
            schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
            parentSchema: schema36.oneOf[1],
            data: data24,
          };
          if (vErrors === null) {
            vErrors = [err62];
          } else {
            vErrors.push(err62);
          }
          errors++;
        }
      } else {
        const err63 = {
          instancePath: instancePath + "/minUptime",
          schemaPath: "#/$defs/duration/oneOf/1/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema36.oneOf[1].type,
          parentSchema: schema36.oneOf[1],
          data: data24,
        };
        if (vErrors === null) {
          vErrors = [err63];
        } else {
          vErrors.push(err63);
        }
        errors++;
      }
      var _valid4 = _errs80 === errors;
      if (_valid4 && valid18) {
        valid18 = false;
        passing4 = [passing4, 1];
      } else {
        if (_valid4) {
          valid18 = true;
          passing4 = 1;
        }
      }
      if (!valid18) {
        const err64 = {
          instancePath: instancePath + "/minUptime",
          schemaPath: "#/$defs/duration/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing4 },
          message: "must match exactly one schema in oneOf",
          schema: schema36.oneOf,
          parentSchema: schema36,
          data: data24,
        };
        if (vErrors === null) {
          vErrors = [err64];
        } else {
          vErrors.push(err64);
        }
        errors++;
      } else {
        errors = _errs77;
        if (vErrors !== null) {
          if (_errs77) {
            vErrors.length = _errs77;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.restartDelay !== undefined) {
      let data25 = data.restartDelay;
      const _errs84 = errors;
      let valid20 = false;
      let passing5 = null;
      const _errs85 = errors;
      if (!(typeof data25 == "number" && !(data25 % 1) && !isNaN(data25) && isFinite(data25))) {
        const err65 = {
          instancePath: instancePath + "/restartDelay",
          schemaPath: "#/$defs/duration/oneOf/0/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema36.oneOf[0].type,
          parentSchema: schema36.oneOf[0],
          data: data25,
        };
        if (vErrors === null) {
          vErrors = [err65];
        } else {
          vErrors.push(err65);
        }
        errors++;
      }
      if (typeof data25 == "number" && isFinite(data25)) {
        if (data25 < 0 || isNaN(data25)) {
          const err66 = {
            instancePath: instancePath + "/restartDelay",
            schemaPath: "#/$defs/duration/oneOf/0/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
            schema: 0,
            parentSchema: schema36.oneOf[0],
            data: data25,
          };
          if (vErrors === null) {
            vErrors = [err66];
          } else {
            vErrors.push(err66);
          }
          errors++;
        }
      }
      var _valid5 = _errs85 === errors;
      if (_valid5) {
        valid20 = true;
        passing5 = 0;
      }
      const _errs87 = errors;
      if (typeof data25 === "string") {
        if (!pattern9.test(data25)) {
          const err67 = {
            instancePath: instancePath + "/restartDelay",
            schemaPath: "#/$defs/duration/oneOf/1/pattern",
            keyword: "pattern",
            params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
            message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
            schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
            parentSchema: schema36.oneOf[1],
            data: data25,
          };
          if (vErrors === null) {
            vErrors = [err67];
          } else {
            vErrors.push(err67);
          }
          errors++;
        }
      } else {
        const err68 = {
          instancePath: instancePath + "/restartDelay",
          schemaPath: "#/$defs/duration/oneOf/1/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema36.oneOf[1].type,
          parentSchema: schema36.oneOf[1],
          data: data25,
        };
        if (vErrors === null) {
          vErrors = [err68];
        } else {
          vErrors.push(err68);
        }
        errors++;
      }
      var _valid5 = _errs87 === errors;
      if (_valid5 && valid20) {
        valid20 = false;
        passing5 = [passing5, 1];
      } else {
        if (_valid5) {
          valid20 = true;
          passing5 = 1;
        }
      }
      if (!valid20) {
        const err69 = {
          instancePath: instancePath + "/restartDelay",
          schemaPath: "#/$defs/duration/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing5 },
          message: "must match exactly one schema in oneOf",
          schema: schema36.oneOf,
          parentSchema: schema36,
          data: data25,
        };
        if (vErrors === null) {
          vErrors = [err69];
        } else {
          vErrors.push(err69);
        }
        errors++;
      } else {
        errors = _errs84;
        if (vErrors !== null) {
          if (_errs84) {
            vErrors.length = _errs84;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.readinessProbe !== undefined) {
      if (
        !validate22(data.readinessProbe, {
          instancePath: instancePath + "/readinessProbe",
          parentData: data,
          parentDataProperty: "readinessProbe",
          rootData,
          dynamicAnchors,
        })
      ) {
        vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
        errors = vErrors.length;
      }
    }
    if (data.livenessProbe !== undefined) {
      if (
        !validate22(data.livenessProbe, {
          instancePath: instancePath + "/livenessProbe",
          parentData: data,
          parentDataProperty: "livenessProbe",
          rootData,
          dynamicAnchors,
        })
      ) {
        vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
        errors = vErrors.length;
      }
    }
    if (data.stopSignal !== undefined) {
      let data28 = data.stopSignal;
      if (!(
        data28 === "SIGTERM" ||
        data28 === "SIGINT" ||
        data28 === "SIGQUIT" ||
        data28 === "SIGHUP" ||
        data28 === "SIGUSR1" ||
        data28 === "SIGUSR2" ||
        data28 === "SIGKILL"
      )) {
        const err70 = {
          instancePath: instancePath + "/stopSignal",
          schemaPath: "#/properties/stopSignal/enum",
          keyword: "enum",
          params: { allowedValues: schema33.properties.stopSignal.enum },
          message: "must be equal to one of the allowed values",
          schema: schema33.properties.stopSignal.enum,
          parentSchema: schema33.properties.stopSignal,
          data: data28,
        };
        if (vErrors === null) {
          vErrors = [err70];
        } else {
          vErrors.push(err70);
        }
        errors++;
      }
    }
    if (data.stopTimeout !== undefined) {
      let data29 = data.stopTimeout;
      const _errs94 = errors;
      let valid22 = false;
      let passing6 = null;
      const _errs95 = errors;
      if (!(typeof data29 == "number" && !(data29 % 1) && !isNaN(data29) && isFinite(data29))) {
        const err71 = {
          instancePath: instancePath + "/stopTimeout",
          schemaPath: "#/$defs/duration/oneOf/0/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema36.oneOf[0].type,
          parentSchema: schema36.oneOf[0],
          data: data29,
        };
        if (vErrors === null) {
          vErrors = [err71];
        } else {
          vErrors.push(err71);
        }
        errors++;
      }
      if (typeof data29 == "number" && isFinite(data29)) {
        if (data29 < 0 || isNaN(data29)) {
          const err72 = {
            instancePath: instancePath + "/stopTimeout",
            schemaPath: "#/$defs/duration/oneOf/0/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 0 },
            message: "must be >= 0",
            schema: 0,
            parentSchema: schema36.oneOf[0],
            data: data29,
          };
          if (vErrors === null) {
            vErrors = [err72];
          } else {
            vErrors.push(err72);
          }
          errors++;
        }
      }
      var _valid6 = _errs95 === errors;
      if (_valid6) {
        valid22 = true;
        passing6 = 0;
      }
      const _errs97 = errors;
      if (typeof data29 === "string") {
        if (!pattern9.test(data29)) {
          const err73 = {
            instancePath: instancePath + "/stopTimeout",
            schemaPath: "#/$defs/duration/oneOf/1/pattern",
            keyword: "pattern",
            params: { pattern: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" },
            message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$" + '"',
            schema: "^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$",
            parentSchema: schema36.oneOf[1],
            data: data29,
          };
          if (vErrors === null) {
            vErrors = [err73];
          } else {
            vErrors.push(err73);
          }
          errors++;
        }
      } else {
        const err74 = {
          instancePath: instancePath + "/stopTimeout",
          schemaPath: "#/$defs/duration/oneOf/1/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema36.oneOf[1].type,
          parentSchema: schema36.oneOf[1],
          data: data29,
        };
        if (vErrors === null) {
          vErrors = [err74];
        } else {
          vErrors.push(err74);
        }
        errors++;
      }
      var _valid6 = _errs97 === errors;
      if (_valid6 && valid22) {
        valid22 = false;
        passing6 = [passing6, 1];
      } else {
        if (_valid6) {
          valid22 = true;
          passing6 = 1;
        }
      }
      if (!valid22) {
        const err75 = {
          instancePath: instancePath + "/stopTimeout",
          schemaPath: "#/$defs/duration/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing6 },
          message: "must match exactly one schema in oneOf",
          schema: schema36.oneOf,
          parentSchema: schema36,
          data: data29,
        };
        if (vErrors === null) {
          vErrors = [err75];
        } else {
          vErrors.push(err75);
        }
        errors++;
      } else {
        errors = _errs94;
        if (vErrors !== null) {
          if (_errs94) {
            vErrors.length = _errs94;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.reloadOrder !== undefined) {
      let data30 = data.reloadOrder;
      if (!(data30 === "StartFirst" || data30 === "StopFirst")) {
        const err76 = {
          instancePath: instancePath + "/reloadOrder",
          schemaPath: "#/properties/reloadOrder/enum",
          keyword: "enum",
          params: { allowedValues: schema33.properties.reloadOrder.enum },
          message: "must be equal to one of the allowed values",
          schema: schema33.properties.reloadOrder.enum,
          parentSchema: schema33.properties.reloadOrder,
          data: data30,
        };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      }
    }
    if (data.maxMemory !== undefined) {
      let data31 = data.maxMemory;
      const _errs102 = errors;
      let valid24 = false;
      let passing7 = null;
      const _errs103 = errors;
      if (!(typeof data31 == "number" && !(data31 % 1) && !isNaN(data31) && isFinite(data31))) {
        const err77 = {
          instancePath: instancePath + "/maxMemory",
          schemaPath: "#/$defs/byteSize/oneOf/0/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema46.oneOf[0].type,
          parentSchema: schema46.oneOf[0],
          data: data31,
        };
        if (vErrors === null) {
          vErrors = [err77];
        } else {
          vErrors.push(err77);
        }
        errors++;
      }
      if (typeof data31 == "number" && isFinite(data31)) {
        if (data31 < 1 || isNaN(data31)) {
          const err78 = {
            instancePath: instancePath + "/maxMemory",
            schemaPath: "#/$defs/byteSize/oneOf/0/minimum",
            keyword: "minimum",
            params: { comparison: ">=", limit: 1 },
            message: "must be >= 1",
            schema: 1,
            parentSchema: schema46.oneOf[0],
            data: data31,
          };
          if (vErrors === null) {
            vErrors = [err78];
          } else {
            vErrors.push(err78);
          }
          errors++;
        }
      }
      var _valid7 = _errs103 === errors;
      if (_valid7) {
        valid24 = true;
        passing7 = 0;
      }
      const _errs105 = errors;
      if (typeof data31 === "string") {
        if (!pattern19.test(data31)) {
          const err79 = {
            instancePath: instancePath + "/maxMemory",
            schemaPath: "#/$defs/byteSize/oneOf/1/pattern",
            keyword: "pattern",
            params: { pattern: "^[0-9]+(\\.[0-9]+)?[KMG]B?$" },
            message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?[KMG]B?$" + '"',
            schema: "^[0-9]+(\\.[0-9]+)?[KMG]B?$",
            parentSchema: schema46.oneOf[1],
            data: data31,
          };
          if (vErrors === null) {
            vErrors = [err79];
          } else {
            vErrors.push(err79);
          }
          errors++;
        }
      } else {
        const err80 = {
          instancePath: instancePath + "/maxMemory",
          schemaPath: "#/$defs/byteSize/oneOf/1/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema46.oneOf[1].type,
          parentSchema: schema46.oneOf[1],
          data: data31,
        };
        if (vErrors === null) {
          vErrors = [err80];
        } else {
          vErrors.push(err80);
        }
        errors++;
      }
      var _valid7 = _errs105 === errors;
      if (_valid7 && valid24) {
        valid24 = false;
        passing7 = [passing7, 1];
      } else {
        if (_valid7) {
          valid24 = true;
          passing7 = 1;
        }
      }
      if (!valid24) {
        const err81 = {
          instancePath: instancePath + "/maxMemory",
          schemaPath: "#/$defs/byteSize/oneOf",
          keyword: "oneOf",
          params: { passingSchemas: passing7 },
          message: "must match exactly one schema in oneOf",
          schema: schema46.oneOf,
          parentSchema: schema46,
          data: data31,
        };
        if (vErrors === null) {
          vErrors = [err81];
        } else {
          vErrors.push(err81);
        }
        errors++;
      } else {
        errors = _errs102;
        if (vErrors !== null) {
          if (_errs102) {
            vErrors.length = _errs102;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.logs !== undefined) {
      let data32 = data.logs;
      if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
        for (const key6 in data32) {
          if (!(key6 === "out" || key6 === "err" || key6 === "maxSize" || key6 === "maxFiles")) {
            const err82 = {
              instancePath: instancePath + "/logs",
              schemaPath: "#/properties/logs/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key6 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema33.properties.logs,
              data: data32,
            };
            if (vErrors === null) {
              vErrors = [err82];
            } else {
              vErrors.push(err82);
            }
            errors++;
          }
        }
        if (data32.out !== undefined) {
          let data33 = data32.out;
          if (typeof data33 !== "string") {
            const err83 = {
              instancePath: instancePath + "/logs/out",
              schemaPath: "#/properties/logs/properties/out/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema33.properties.logs.properties.out.type,
              parentSchema: schema33.properties.logs.properties.out,
              data: data33,
            };
            if (vErrors === null) {
              vErrors = [err83];
            } else {
              vErrors.push(err83);
            }
            errors++;
          }
        }
        if (data32.err !== undefined) {
          let data34 = data32.err;
          if (typeof data34 !== "string") {
            const err84 = {
              instancePath: instancePath + "/logs/err",
              schemaPath: "#/properties/logs/properties/err/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema33.properties.logs.properties.err.type,
              parentSchema: schema33.properties.logs.properties.err,
              data: data34,
            };
            if (vErrors === null) {
              vErrors = [err84];
            } else {
              vErrors.push(err84);
            }
            errors++;
          }
        }
        if (data32.maxSize !== undefined) {
          let data35 = data32.maxSize;
          const _errs116 = errors;
          let valid27 = false;
          let passing8 = null;
          const _errs117 = errors;
          if (!(typeof data35 == "number" && !(data35 % 1) && !isNaN(data35) && isFinite(data35))) {
            const err85 = {
              instancePath: instancePath + "/logs/maxSize",
              schemaPath: "#/$defs/byteSize/oneOf/0/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema46.oneOf[0].type,
              parentSchema: schema46.oneOf[0],
              data: data35,
            };
            if (vErrors === null) {
              vErrors = [err85];
            } else {
              vErrors.push(err85);
            }
            errors++;
          }
          if (typeof data35 == "number" && isFinite(data35)) {
            if (data35 < 1 || isNaN(data35)) {
              const err86 = {
                instancePath: instancePath + "/logs/maxSize",
                schemaPath: "#/$defs/byteSize/oneOf/0/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 1 },
                message: "must be >= 1",
                schema: 1,
                parentSchema: schema46.oneOf[0],
                data: data35,
              };
              if (vErrors === null) {
                vErrors = [err86];
              } else {
                vErrors.push(err86);
              }
              errors++;
            }
          }
          var _valid8 = _errs117 === errors;
          if (_valid8) {
            valid27 = true;
            passing8 = 0;
          }
          const _errs119 = errors;
          if (typeof data35 === "string") {
            if (!pattern19.test(data35)) {
              const err87 = {
                instancePath: instancePath + "/logs/maxSize",
                schemaPath: "#/$defs/byteSize/oneOf/1/pattern",
                keyword: "pattern",
                params: { pattern: "^[0-9]+(\\.[0-9]+)?[KMG]B?$" },
                message: 'must match pattern "' + "^[0-9]+(\\.[0-9]+)?[KMG]B?$" + '"',
                schema: "^[0-9]+(\\.[0-9]+)?[KMG]B?$",
                parentSchema: schema46.oneOf[1],
                data: data35,
              };
              if (vErrors === null) {
                vErrors = [err87];
              } else {
                vErrors.push(err87);
              }
              errors++;
            }
          } else {
            const err88 = {
              instancePath: instancePath + "/logs/maxSize",
              schemaPath: "#/$defs/byteSize/oneOf/1/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema46.oneOf[1].type,
              parentSchema: schema46.oneOf[1],
              data: data35,
            };
            if (vErrors === null) {
              vErrors = [err88];
            } else {
              vErrors.push(err88);
            }
            errors++;
          }
          var _valid8 = _errs119 === errors;
          if (_valid8 && valid27) {
            valid27 = false;
            passing8 = [passing8, 1];
          } else {
            if (_valid8) {
              valid27 = true;
              passing8 = 1;
            }
          }
          if (!valid27) {
            const err89 = {
              instancePath: instancePath + "/logs/maxSize",
              schemaPath: "#/$defs/byteSize/oneOf",
              keyword: "oneOf",
              params: { passingSchemas: passing8 },
              message: "must match exactly one schema in oneOf",
              schema: schema46.oneOf,
              parentSchema: schema46,
              data: data35,
            };
            if (vErrors === null) {
              vErrors = [err89];
            } else {
              vErrors.push(err89);
            }
            errors++;
          } else {
            errors = _errs116;
            if (vErrors !== null) {
              if (_errs116) {
                vErrors.length = _errs116;
              } else {
                vErrors = null;
              }
            }
          }
        }
        if (data32.maxFiles !== undefined) {
          let data36 = data32.maxFiles;
          if (!(typeof data36 == "number" && !(data36 % 1) && !isNaN(data36) && isFinite(data36))) {
            const err90 = {
              instancePath: instancePath + "/logs/maxFiles",
              schemaPath: "#/properties/logs/properties/maxFiles/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema33.properties.logs.properties.maxFiles.type,
              parentSchema: schema33.properties.logs.properties.maxFiles,
              data: data36,
            };
            if (vErrors === null) {
              vErrors = [err90];
            } else {
              vErrors.push(err90);
            }
            errors++;
          }
          if (typeof data36 == "number" && isFinite(data36)) {
            if (data36 > 100 || isNaN(data36)) {
              const err91 = {
                instancePath: instancePath + "/logs/maxFiles",
                schemaPath: "#/properties/logs/properties/maxFiles/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 100 },
                message: "must be <= 100",
                schema: 100,
                parentSchema: schema33.properties.logs.properties.maxFiles,
                data: data36,
              };
              if (vErrors === null) {
                vErrors = [err91];
              } else {
                vErrors.push(err91);
              }
              errors++;
            }
            if (data36 < 1 || isNaN(data36)) {
              const err92 = {
                instancePath: instancePath + "/logs/maxFiles",
                schemaPath: "#/properties/logs/properties/maxFiles/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 1 },
                message: "must be >= 1",
                schema: 1,
                parentSchema: schema33.properties.logs.properties.maxFiles,
                data: data36,
              };
              if (vErrors === null) {
                vErrors = [err92];
              } else {
                vErrors.push(err92);
              }
              errors++;
            }
          }
        }
      } else {
        const err93 = {
          instancePath: instancePath + "/logs",
          schemaPath: "#/properties/logs/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema33.properties.logs.type,
          parentSchema: schema33.properties.logs,
          data: data32,
        };
        if (vErrors === null) {
          vErrors = [err93];
        } else {
          vErrors.push(err93);
        }
        errors++;
      }
    }
    if (data.dependsOn !== undefined) {
      let data37 = data.dependsOn;
      if (Array.isArray(data37)) {
        const len1 = data37.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data38 = data37[i1];
          if (typeof data38 !== "string" && !(data38 && typeof data38 == "object" && !Array.isArray(data38))) {
            const err94 = {
              instancePath: instancePath + "/dependsOn/" + i1,
              schemaPath: "#/$defs/dependency/type",
              keyword: "type",
              params: { type: schema48.type },
              message: "must be string,object",
              schema: schema48.type,
              parentSchema: schema48,
              data: data38,
            };
            if (vErrors === null) {
              vErrors = [err94];
            } else {
              vErrors.push(err94);
            }
            errors++;
          }
          if (typeof data38 === "string") {
            if (func1(data38) > 63) {
              const err95 = {
                instancePath: instancePath + "/dependsOn/" + i1,
                schemaPath: "#/$defs/dependency/maxLength",
                keyword: "maxLength",
                params: { limit: 63 },
                message: "must NOT have more than 63 characters",
                schema: 63,
                parentSchema: schema48,
                data: data38,
              };
              if (vErrors === null) {
                vErrors = [err95];
              } else {
                vErrors.push(err95);
              }
              errors++;
            }
            if (!pattern4.test(data38)) {
              const err96 = {
                instancePath: instancePath + "/dependsOn/" + i1,
                schemaPath: "#/$defs/dependency/pattern",
                keyword: "pattern",
                params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
                message: 'must match pattern "' + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + '"',
                schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
                parentSchema: schema48,
                data: data38,
              };
              if (vErrors === null) {
                vErrors = [err96];
              } else {
                vErrors.push(err96);
              }
              errors++;
            }
          }
          if (data38 && typeof data38 == "object" && !Array.isArray(data38)) {
            if (data38.name === undefined) {
              const err97 = {
                instancePath: instancePath + "/dependsOn/" + i1,
                schemaPath: "#/$defs/dependency/required",
                keyword: "required",
                params: { missingProperty: "name" },
                message: "must have required property '" + "name" + "'",
                schema: schema48.required,
                parentSchema: schema48,
                data: data38,
              };
              if (vErrors === null) {
                vErrors = [err97];
              } else {
                vErrors.push(err97);
              }
              errors++;
            }
            for (const key7 in data38) {
              if (!(key7 === "name" || key7 === "condition")) {
                const err98 = {
                  instancePath: instancePath + "/dependsOn/" + i1,
                  schemaPath: "#/$defs/dependency/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key7 },
                  message: "must NOT have additional properties",
                  schema: false,
                  parentSchema: schema48,
                  data: data38,
                };
                if (vErrors === null) {
                  vErrors = [err98];
                } else {
                  vErrors.push(err98);
                }
                errors++;
              }
            }
            if (data38.name !== undefined) {
              let data39 = data38.name;
              if (typeof data39 === "string") {
                if (func1(data39) > 63) {
                  const err99 = {
                    instancePath: instancePath + "/dependsOn/" + i1 + "/name",
                    schemaPath: "#/$defs/dependency/properties/name/maxLength",
                    keyword: "maxLength",
                    params: { limit: 63 },
                    message: "must NOT have more than 63 characters",
                    schema: 63,
                    parentSchema: schema48.properties.name,
                    data: data39,
                  };
                  if (vErrors === null) {
                    vErrors = [err99];
                  } else {
                    vErrors.push(err99);
                  }
                  errors++;
                }
                if (!pattern4.test(data39)) {
                  const err100 = {
                    instancePath: instancePath + "/dependsOn/" + i1 + "/name",
                    schemaPath: "#/$defs/dependency/properties/name/pattern",
                    keyword: "pattern",
                    params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
                    message: 'must match pattern "' + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + '"',
                    schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
                    parentSchema: schema48.properties.name,
                    data: data39,
                  };
                  if (vErrors === null) {
                    vErrors = [err100];
                  } else {
                    vErrors.push(err100);
                  }
                  errors++;
                }
              } else {
                const err101 = {
                  instancePath: instancePath + "/dependsOn/" + i1 + "/name",
                  schemaPath: "#/$defs/dependency/properties/name/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema48.properties.name.type,
                  parentSchema: schema48.properties.name,
                  data: data39,
                };
                if (vErrors === null) {
                  vErrors = [err101];
                } else {
                  vErrors.push(err101);
                }
                errors++;
              }
            }
            if (data38.condition !== undefined) {
              let data40 = data38.condition;
              if (!(data40 === "Ready" || data40 === "Started")) {
                const err102 = {
                  instancePath: instancePath + "/dependsOn/" + i1 + "/condition",
                  schemaPath: "#/$defs/dependency/properties/condition/enum",
                  keyword: "enum",
                  params: { allowedValues: schema48.properties.condition.enum },
                  message: "must be equal to one of the allowed values",
                  schema: schema48.properties.condition.enum,
                  parentSchema: schema48.properties.condition,
                  data: data40,
                };
                if (vErrors === null) {
                  vErrors = [err102];
                } else {
                  vErrors.push(err102);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err103 = {
          instancePath: instancePath + "/dependsOn",
          schemaPath: "#/properties/dependsOn/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema33.properties.dependsOn.type,
          parentSchema: schema33.properties.dependsOn,
          data: data37,
        };
        if (vErrors === null) {
          vErrors = [err103];
        } else {
          vErrors.push(err103);
        }
        errors++;
      }
    }
    if (data.envFile !== undefined) {
      let data41 = data.envFile;
      if (typeof data41 !== "string" && !Array.isArray(data41)) {
        const err104 = {
          instancePath: instancePath + "/envFile",
          schemaPath: "#/properties/envFile/type",
          keyword: "type",
          params: { type: schema33.properties.envFile.type },
          message: "must be string,array",
          schema: schema33.properties.envFile.type,
          parentSchema: schema33.properties.envFile,
          data: data41,
        };
        if (vErrors === null) {
          vErrors = [err104];
        } else {
          vErrors.push(err104);
        }
        errors++;
      }
      if (typeof data41 === "string") {
        if (func1(data41) < 1) {
          const err105 = {
            instancePath: instancePath + "/envFile",
            schemaPath: "#/properties/envFile/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
            schema: 1,
            parentSchema: schema33.properties.envFile,
            data: data41,
          };
          if (vErrors === null) {
            vErrors = [err105];
          } else {
            vErrors.push(err105);
          }
          errors++;
        }
      }
      if (Array.isArray(data41)) {
        const len2 = data41.length;
        for (let i2 = 0; i2 < len2; i2++) {
          let data42 = data41[i2];
          if (typeof data42 === "string") {
            if (func1(data42) < 1) {
              const err106 = {
                instancePath: instancePath + "/envFile/" + i2,
                schemaPath: "#/properties/envFile/items/minLength",
                keyword: "minLength",
                params: { limit: 1 },
                message: "must NOT have fewer than 1 characters",
                schema: 1,
                parentSchema: schema33.properties.envFile.items,
                data: data42,
              };
              if (vErrors === null) {
                vErrors = [err106];
              } else {
                vErrors.push(err106);
              }
              errors++;
            }
          } else {
            const err107 = {
              instancePath: instancePath + "/envFile/" + i2,
              schemaPath: "#/properties/envFile/items/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema33.properties.envFile.items.type,
              parentSchema: schema33.properties.envFile.items,
              data: data42,
            };
            if (vErrors === null) {
              vErrors = [err107];
            } else {
              vErrors.push(err107);
            }
            errors++;
          }
        }
      }
    }
    if (data.cronRestart !== undefined) {
      let data43 = data.cronRestart;
      if (typeof data43 === "string") {
        if (func1(data43) < 1) {
          const err108 = {
            instancePath: instancePath + "/cronRestart",
            schemaPath: "#/properties/cronRestart/minLength",
            keyword: "minLength",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 characters",
            schema: 1,
            parentSchema: schema33.properties.cronRestart,
            data: data43,
          };
          if (vErrors === null) {
            vErrors = [err108];
          } else {
            vErrors.push(err108);
          }
          errors++;
        }
      } else {
        const err109 = {
          instancePath: instancePath + "/cronRestart",
          schemaPath: "#/properties/cronRestart/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema33.properties.cronRestart.type,
          parentSchema: schema33.properties.cronRestart,
          data: data43,
        };
        if (vErrors === null) {
          vErrors = [err109];
        } else {
          vErrors.push(err109);
        }
        errors++;
      }
    }
    if (data.watch !== undefined) {
      if (!validate25(data.watch, { instancePath: instancePath + "/watch", parentData: data, parentDataProperty: "watch", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate25.errors : vErrors.concat(validate25.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err110 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema33.type,
      parentSchema: schema33,
      data,
    };
    if (vErrors === null) {
      vErrors = [err110];
    } else {
      vErrors.push(err110);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="https://berth.dev/schemas/app.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "apiVersion" },
        message: "must have required property '" + "apiVersion" + "'",
        schema: schema31.required,
        parentSchema: schema31,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === undefined) {
      const err1 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "kind" },
        message: "must have required property '" + "kind" + "'",
        schema: schema31.required,
        parentSchema: schema31,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.metadata === undefined) {
      const err2 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "metadata" },
        message: "must have required property '" + "metadata" + "'",
        schema: schema31.required,
        parentSchema: schema31,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.spec === undefined) {
      const err3 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "spec" },
        message: "must have required property '" + "spec" + "'",
        schema: schema31.required,
        parentSchema: schema31,
        data,
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "metadata" || key0 === "spec" || key0 === "status")) {
        const err4 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema31,
          data,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.apiVersion !== undefined) {
      let data0 = data.apiVersion;
      if ("berth/v1" !== data0) {
        const err5 = {
          instancePath: instancePath + "/apiVersion",
          schemaPath: "#/properties/apiVersion/const",
          keyword: "const",
          params: { allowedValue: "berth/v1" },
          message: "must be equal to constant",
          schema: "berth/v1",
          parentSchema: schema31.properties.apiVersion,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.kind !== undefined) {
      let data1 = data.kind;
      if ("App" !== data1) {
        const err6 = {
          instancePath: instancePath + "/kind",
          schemaPath: "#/properties/kind/const",
          keyword: "const",
          params: { allowedValue: "App" },
          message: "must be equal to constant",
          schema: "App",
          parentSchema: schema31.properties.kind,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.metadata !== undefined) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.name === undefined) {
          const err7 = {
            instancePath: instancePath + "/metadata",
            schemaPath: "#/$defs/metadata/required",
            keyword: "required",
            params: { missingProperty: "name" },
            message: "must have required property '" + "name" + "'",
            schema: schema32.required,
            parentSchema: schema32,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        for (const key1 in data2) {
          if (!(key1 === "name" || key1 === "labels" || key1 === "annotations")) {
            const err8 = {
              instancePath: instancePath + "/metadata",
              schemaPath: "#/$defs/metadata/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key1 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema32,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data2.name !== undefined) {
          let data3 = data2.name;
          if (typeof data3 === "string") {
            if (func1(data3) > 63) {
              const err9 = {
                instancePath: instancePath + "/metadata/name",
                schemaPath: "#/$defs/metadata/properties/name/maxLength",
                keyword: "maxLength",
                params: { limit: 63 },
                message: "must NOT have more than 63 characters",
                schema: 63,
                parentSchema: schema32.properties.name,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (!pattern4.test(data3)) {
              const err10 = {
                instancePath: instancePath + "/metadata/name",
                schemaPath: "#/$defs/metadata/properties/name/pattern",
                keyword: "pattern",
                params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
                message: 'must match pattern "' + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + '"',
                schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
                parentSchema: schema32.properties.name,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = {
              instancePath: instancePath + "/metadata/name",
              schemaPath: "#/$defs/metadata/properties/name/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema32.properties.name.type,
              parentSchema: schema32.properties.name,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data2.labels !== undefined) {
          let data4 = data2.labels;
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            for (const key2 in data4) {
              const _errs12 = errors;
              if (typeof key2 === "string") {
                if (func1(key2) > 63) {
                  const err12 = {
                    instancePath: instancePath + "/metadata/labels",
                    schemaPath: "#/$defs/metadata/properties/labels/propertyNames/maxLength",
                    keyword: "maxLength",
                    params: { limit: 63 },
                    message: "must NOT have more than 63 characters",
                    schema: 63,
                    parentSchema: schema32.properties.labels.propertyNames,
                    data: key2,
                    propertyName: key2,
                  };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
                if (!pattern5.test(key2)) {
                  const err13 = {
                    instancePath: instancePath + "/metadata/labels",
                    schemaPath: "#/$defs/metadata/properties/labels/propertyNames/pattern",
                    keyword: "pattern",
                    params: { pattern: "^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$" },
                    message: 'must match pattern "' + "^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$" + '"',
                    schema: "^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$",
                    parentSchema: schema32.properties.labels.propertyNames,
                    data: key2,
                    propertyName: key2,
                  };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              }
              var valid3 = _errs12 === errors;
              if (!valid3) {
                const err14 = {
                  instancePath: instancePath + "/metadata/labels",
                  schemaPath: "#/$defs/metadata/properties/labels/propertyNames",
                  keyword: "propertyNames",
                  params: { propertyName: key2 },
                  message: "property name must be valid",
                  schema: schema32.properties.labels.propertyNames,
                  parentSchema: schema32.properties.labels,
                  data: data4,
                };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            for (const key3 in data4) {
              let data5 = data4[key3];
              if (typeof data5 !== "string") {
                const err15 = {
                  instancePath: instancePath + "/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "#/$defs/metadata/properties/labels/additionalProperties/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema32.properties.labels.additionalProperties.type,
                  parentSchema: schema32.properties.labels.additionalProperties,
                  data: data5,
                };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
          } else {
            const err16 = {
              instancePath: instancePath + "/metadata/labels",
              schemaPath: "#/$defs/metadata/properties/labels/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema32.properties.labels.type,
              parentSchema: schema32.properties.labels,
              data: data4,
            };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data2.annotations !== undefined) {
          let data6 = data2.annotations;
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            for (const key4 in data6) {
              let data7 = data6[key4];
              if (typeof data7 !== "string") {
                const err17 = {
                  instancePath: instancePath + "/metadata/annotations/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "#/$defs/metadata/properties/annotations/additionalProperties/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema32.properties.annotations.additionalProperties.type,
                  parentSchema: schema32.properties.annotations.additionalProperties,
                  data: data7,
                };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
          } else {
            const err18 = {
              instancePath: instancePath + "/metadata/annotations",
              schemaPath: "#/$defs/metadata/properties/annotations/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema32.properties.annotations.type,
              parentSchema: schema32.properties.annotations,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = {
          instancePath: instancePath + "/metadata",
          schemaPath: "#/$defs/metadata/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema32.type,
          parentSchema: schema32,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.spec !== undefined) {
      if (!validate21(data.spec, { instancePath: instancePath + "/spec", parentData: data, parentDataProperty: "spec", rootData, dynamicAnchors })) {
        vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
        errors = vErrors.length;
      }
    }
    if (data.status !== undefined) {
      let data9 = data.status;
      if (!(data9 && typeof data9 == "object" && !Array.isArray(data9))) {
        const err20 = {
          instancePath: instancePath + "/status",
          schemaPath: "#/properties/status/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema31.properties.status.type,
          parentSchema: schema31.properties.status,
          data: data9,
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
  } else {
    const err21 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema31.type,
      parentSchema: schema31,
      data,
    };
    if (vErrors === null) {
      vErrors = [err21];
    } else {
      vErrors.push(err21);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
exports.PortClaim = validate28;
const schema51 = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://berth.dev/schemas/portclaim.schema.json",
  title: "PortClaimManifest",
  description: "A berth/v1 PortClaim: ports reserved for something berth does not run.",
  type: "object",
  required: ["apiVersion", "kind", "metadata", "spec"],
  additionalProperties: false,
  properties: {
    apiVersion: { const: "berth/v1" },
    kind: { const: "PortClaim" },
    metadata: { $ref: "app.schema.json#/$defs/metadata" },
    spec: {
      title: "PortClaimSpec",
      type: "object",
      additionalProperties: false,
      properties: { tcp: { type: "integer", minimum: 0, maximum: 1000 }, udp: { type: "integer", minimum: 0, maximum: 1000 } },
    },
    status: { type: "object" },
  },
};
function validate28(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  /*# sourceURL="https://berth.dev/schemas/portclaim.schema.json" */ let vErrors = null;
  let errors = 0;
  const evaluated0 = validate28.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.apiVersion === undefined) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "apiVersion" },
        message: "must have required property '" + "apiVersion" + "'",
        schema: schema51.required,
        parentSchema: schema51,
        data,
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === undefined) {
      const err1 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "kind" },
        message: "must have required property '" + "kind" + "'",
        schema: schema51.required,
        parentSchema: schema51,
        data,
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.metadata === undefined) {
      const err2 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "metadata" },
        message: "must have required property '" + "metadata" + "'",
        schema: schema51.required,
        parentSchema: schema51,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.spec === undefined) {
      const err3 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "spec" },
        message: "must have required property '" + "spec" + "'",
        schema: schema51.required,
        parentSchema: schema51,
        data,
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "apiVersion" || key0 === "kind" || key0 === "metadata" || key0 === "spec" || key0 === "status")) {
        const err4 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema51,
          data,
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.apiVersion !== undefined) {
      let data0 = data.apiVersion;
      if ("berth/v1" !== data0) {
        const err5 = {
          instancePath: instancePath + "/apiVersion",
          schemaPath: "#/properties/apiVersion/const",
          keyword: "const",
          params: { allowedValue: "berth/v1" },
          message: "must be equal to constant",
          schema: "berth/v1",
          parentSchema: schema51.properties.apiVersion,
          data: data0,
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.kind !== undefined) {
      let data1 = data.kind;
      if ("PortClaim" !== data1) {
        const err6 = {
          instancePath: instancePath + "/kind",
          schemaPath: "#/properties/kind/const",
          keyword: "const",
          params: { allowedValue: "PortClaim" },
          message: "must be equal to constant",
          schema: "PortClaim",
          parentSchema: schema51.properties.kind,
          data: data1,
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.metadata !== undefined) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
        if (data2.name === undefined) {
          const err7 = {
            instancePath: instancePath + "/metadata",
            schemaPath: "app.schema.json#/$defs/metadata/required",
            keyword: "required",
            params: { missingProperty: "name" },
            message: "must have required property '" + "name" + "'",
            schema: schema32.required,
            parentSchema: schema32,
            data: data2,
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        for (const key1 in data2) {
          if (!(key1 === "name" || key1 === "labels" || key1 === "annotations")) {
            const err8 = {
              instancePath: instancePath + "/metadata",
              schemaPath: "app.schema.json#/$defs/metadata/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key1 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema32,
              data: data2,
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data2.name !== undefined) {
          let data3 = data2.name;
          if (typeof data3 === "string") {
            if (func1(data3) > 63) {
              const err9 = {
                instancePath: instancePath + "/metadata/name",
                schemaPath: "app.schema.json#/$defs/metadata/properties/name/maxLength",
                keyword: "maxLength",
                params: { limit: 63 },
                message: "must NOT have more than 63 characters",
                schema: 63,
                parentSchema: schema32.properties.name,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (!pattern4.test(data3)) {
              const err10 = {
                instancePath: instancePath + "/metadata/name",
                schemaPath: "app.schema.json#/$defs/metadata/properties/name/pattern",
                keyword: "pattern",
                params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" },
                message: 'must match pattern "' + "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" + '"',
                schema: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
                parentSchema: schema32.properties.name,
                data: data3,
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = {
              instancePath: instancePath + "/metadata/name",
              schemaPath: "app.schema.json#/$defs/metadata/properties/name/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema32.properties.name.type,
              parentSchema: schema32.properties.name,
              data: data3,
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data2.labels !== undefined) {
          let data4 = data2.labels;
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            for (const key2 in data4) {
              const _errs12 = errors;
              if (typeof key2 === "string") {
                if (func1(key2) > 63) {
                  const err12 = {
                    instancePath: instancePath + "/metadata/labels",
                    schemaPath: "app.schema.json#/$defs/metadata/properties/labels/propertyNames/maxLength",
                    keyword: "maxLength",
                    params: { limit: 63 },
                    message: "must NOT have more than 63 characters",
                    schema: 63,
                    parentSchema: schema32.properties.labels.propertyNames,
                    data: key2,
                    propertyName: key2,
                  };
                  if (vErrors === null) {
                    vErrors = [err12];
                  } else {
                    vErrors.push(err12);
                  }
                  errors++;
                }
                if (!pattern5.test(key2)) {
                  const err13 = {
                    instancePath: instancePath + "/metadata/labels",
                    schemaPath: "app.schema.json#/$defs/metadata/properties/labels/propertyNames/pattern",
                    keyword: "pattern",
                    params: { pattern: "^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$" },
                    message: 'must match pattern "' + "^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$" + '"',
                    schema: "^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$",
                    parentSchema: schema32.properties.labels.propertyNames,
                    data: key2,
                    propertyName: key2,
                  };
                  if (vErrors === null) {
                    vErrors = [err13];
                  } else {
                    vErrors.push(err13);
                  }
                  errors++;
                }
              }
              var valid3 = _errs12 === errors;
              if (!valid3) {
                const err14 = {
                  instancePath: instancePath + "/metadata/labels",
                  schemaPath: "app.schema.json#/$defs/metadata/properties/labels/propertyNames",
                  keyword: "propertyNames",
                  params: { propertyName: key2 },
                  message: "property name must be valid",
                  schema: schema32.properties.labels.propertyNames,
                  parentSchema: schema32.properties.labels,
                  data: data4,
                };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
            }
            for (const key3 in data4) {
              let data5 = data4[key3];
              if (typeof data5 !== "string") {
                const err15 = {
                  instancePath: instancePath + "/metadata/labels/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "app.schema.json#/$defs/metadata/properties/labels/additionalProperties/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema32.properties.labels.additionalProperties.type,
                  parentSchema: schema32.properties.labels.additionalProperties,
                  data: data5,
                };
                if (vErrors === null) {
                  vErrors = [err15];
                } else {
                  vErrors.push(err15);
                }
                errors++;
              }
            }
          } else {
            const err16 = {
              instancePath: instancePath + "/metadata/labels",
              schemaPath: "app.schema.json#/$defs/metadata/properties/labels/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema32.properties.labels.type,
              parentSchema: schema32.properties.labels,
              data: data4,
            };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
        if (data2.annotations !== undefined) {
          let data6 = data2.annotations;
          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
            for (const key4 in data6) {
              let data7 = data6[key4];
              if (typeof data7 !== "string") {
                const err17 = {
                  instancePath: instancePath + "/metadata/annotations/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "app.schema.json#/$defs/metadata/properties/annotations/additionalProperties/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema32.properties.annotations.additionalProperties.type,
                  parentSchema: schema32.properties.annotations.additionalProperties,
                  data: data7,
                };
                if (vErrors === null) {
                  vErrors = [err17];
                } else {
                  vErrors.push(err17);
                }
                errors++;
              }
            }
          } else {
            const err18 = {
              instancePath: instancePath + "/metadata/annotations",
              schemaPath: "app.schema.json#/$defs/metadata/properties/annotations/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema32.properties.annotations.type,
              parentSchema: schema32.properties.annotations,
              data: data6,
            };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      } else {
        const err19 = {
          instancePath: instancePath + "/metadata",
          schemaPath: "app.schema.json#/$defs/metadata/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema32.type,
          parentSchema: schema32,
          data: data2,
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.spec !== undefined) {
      let data8 = data.spec;
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        for (const key5 in data8) {
          if (!(key5 === "tcp" || key5 === "udp")) {
            const err20 = {
              instancePath: instancePath + "/spec",
              schemaPath: "#/properties/spec/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key5 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema51.properties.spec,
              data: data8,
            };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data8.tcp !== undefined) {
          let data9 = data8.tcp;
          if (!(typeof data9 == "number" && !(data9 % 1) && !isNaN(data9) && isFinite(data9))) {
            const err21 = {
              instancePath: instancePath + "/spec/tcp",
              schemaPath: "#/properties/spec/properties/tcp/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema51.properties.spec.properties.tcp.type,
              parentSchema: schema51.properties.spec.properties.tcp,
              data: data9,
            };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
          if (typeof data9 == "number" && isFinite(data9)) {
            if (data9 > 1000 || isNaN(data9)) {
              const err22 = {
                instancePath: instancePath + "/spec/tcp",
                schemaPath: "#/properties/spec/properties/tcp/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 1000 },
                message: "must be <= 1000",
                schema: 1000,
                parentSchema: schema51.properties.spec.properties.tcp,
                data: data9,
              };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
            if (data9 < 0 || isNaN(data9)) {
              const err23 = {
                instancePath: instancePath + "/spec/tcp",
                schemaPath: "#/properties/spec/properties/tcp/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 0 },
                message: "must be >= 0",
                schema: 0,
                parentSchema: schema51.properties.spec.properties.tcp,
                data: data9,
              };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          }
        }
        if (data8.udp !== undefined) {
          let data10 = data8.udp;
          if (!(typeof data10 == "number" && !(data10 % 1) && !isNaN(data10) && isFinite(data10))) {
            const err24 = {
              instancePath: instancePath + "/spec/udp",
              schemaPath: "#/properties/spec/properties/udp/type",
              keyword: "type",
              params: { type: "integer" },
              message: "must be integer",
              schema: schema51.properties.spec.properties.udp.type,
              parentSchema: schema51.properties.spec.properties.udp,
              data: data10,
            };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
          if (typeof data10 == "number" && isFinite(data10)) {
            if (data10 > 1000 || isNaN(data10)) {
              const err25 = {
                instancePath: instancePath + "/spec/udp",
                schemaPath: "#/properties/spec/properties/udp/maximum",
                keyword: "maximum",
                params: { comparison: "<=", limit: 1000 },
                message: "must be <= 1000",
                schema: 1000,
                parentSchema: schema51.properties.spec.properties.udp,
                data: data10,
              };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            if (data10 < 0 || isNaN(data10)) {
              const err26 = {
                instancePath: instancePath + "/spec/udp",
                schemaPath: "#/properties/spec/properties/udp/minimum",
                keyword: "minimum",
                params: { comparison: ">=", limit: 0 },
                message: "must be >= 0",
                schema: 0,
                parentSchema: schema51.properties.spec.properties.udp,
                data: data10,
              };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
          }
        }
      } else {
        const err27 = {
          instancePath: instancePath + "/spec",
          schemaPath: "#/properties/spec/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema51.properties.spec.type,
          parentSchema: schema51.properties.spec,
          data: data8,
        };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.status !== undefined) {
      let data11 = data.status;
      if (!(data11 && typeof data11 == "object" && !Array.isArray(data11))) {
        const err28 = {
          instancePath: instancePath + "/status",
          schemaPath: "#/properties/status/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema51.properties.status.type,
          parentSchema: schema51.properties.status,
          data: data11,
        };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
    }
  } else {
    const err29 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema51.type,
      parentSchema: schema51,
      data,
    };
    if (vErrors === null) {
      vErrors = [err29];
    } else {
      vErrors.push(err29);
    }
    errors++;
  }
  validate28.errors = vErrors;
  return errors === 0;
}
validate28.evaluated = { props: true, dynamicProps: false, dynamicItems: false };
