// Each test file boots its own Medusa app; MikroORM's metadata is global and
// must not leak from one to the next.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
