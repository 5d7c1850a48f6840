import fs from "node:fs"
import path from "node:path"

/**
 * Medusa records every module's migrations in one `mikro_orm_migrations`
 * table, by name: two modules shipping a migration of the same name means
 * the second one is taken as already run and its tables are never created.
 */
describe("module migrations", () => {
  const modulesDir = path.join(__dirname, "..", "modules")
  const migrations = fs
    .readdirSync(modulesDir)
    .flatMap((module) => {
      const dir = path.join(modulesDir, module, "migrations")
      return fs.existsSync(dir)
        ? fs.readdirSync(dir).filter((f) => /^Migration\d+\.ts$/.test(f)).map((file) => ({ module, file, dir }))
        : []
    })

  it("finds the plugin's migrations", () => {
    expect(migrations.length).toBeGreaterThan(10)
  })

  it("gives every migration a name no other module uses", () => {
    const byName = new Map<string, string[]>()
    for (const { module, file } of migrations) {
      byName.set(file, [...(byName.get(file) ?? []), module])
    }
    const clashes = [...byName].filter(([, modules]) => modules.length > 1).map(([name, modules]) => `${name}: ${modules.join(", ")}`)
    expect(clashes).toEqual([])
  })

  it("names each migration's class after its file", () => {
    const mismatched = migrations.filter(({ dir, file }) => {
      const source = fs.readFileSync(path.join(dir, file), "utf8")
      return !source.includes(`class ${file.replace(/\.ts$/, "")} extends Migration`)
    })
    expect(mismatched.map((m) => `${m.module}/${m.file}`)).toEqual([])
  })
})
