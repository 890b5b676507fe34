/**
 * The direction of the source tree, checked by `npm test` (`npm run deps`) on the compiled
 * modules in dist/: what runs. docs/architecture.md draws the same layers.
 *
 * Rooms are listed bottom first. A module may import from its own room and from the rooms of
 * lower layers; never from a higher layer, nor from another room of its own layer.
 */
const LAYERS = [
  ["problems", "project"],
  ["i18n", "layers"],
  ["campaign"],
  ["render"],
  ["images"],
  ["social"],
  ["kit"],
  ["site", "translations"],
  ["build", "cms"],
  ["preview", "new-campaign"],
  ["commands"],
];

const room = (name) => `^dist/${name}/`;
const any = (names) => `^dist/(${names.join("|")})/`;

const layerRules = LAYERS.flatMap((rooms, index) => {
  const higher = LAYERS.slice(index + 1).flat();
  return rooms.flatMap((name) => {
    const siblings = rooms.filter((other) => other !== name);
    return [
      ...(higher.length > 0
        ? [
            {
              name: `${name}-not-up`,
              comment: `${name}/ is below ${higher.join(", ")}: it may not import from them`,
              severity: "error",
              from: { path: room(name) },
              to: { path: any(higher.concat("cli\\.js$")) },
            },
          ]
        : []),
      ...(siblings.length > 0
        ? [
            {
              name: `${name}-not-sideways`,
              comment: `${name}/ and ${siblings.join(", ")} are rooms of one layer: they do not import each other`,
              severity: "error",
              from: { path: room(name) },
              to: { path: any(siblings) },
            },
          ]
        : []),
    ];
  });
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "no-circular",
      comment: "Modules that import each other, directly or not, cannot be read or tested apart",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-dev-dependency",
      comment:
        "What runs may only use the package's dependencies: a dev dependency is not installed for people who depend on the package",
      severity: "error",
      from: { path: "^dist/" },
      to: { dependencyTypes: ["npm-dev"] },
    },
    {
      name: "no-unresolved",
      comment: "Every import resolves to a module",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "no-orphans",
      comment:
        "A module nothing imports is dead code (the entry point, the files Eleventy loads by path and the build's lane process, started by path, excepted)",
      severity: "error",
      from: {
        orphan: true,
        pathNot: [
          "^dist/cli\\.js$",
          "eleventy-config\\.js$",
          "^dist/build/batch-process\\.js$",
          "^dist/cms/admin/",
          "\\.d\\.ts$",
          "^dist/types/",
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.map$" },
    moduleSystems: ["es6", "cjs"],
    // Packages' subpath exports (richtypo/rules/fr) resolve as Node resolves them.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
    combinedDependencies: false,
  },
};
