import type { DeliveryProductDTO } from "../../workflows/digital-delivery/utils/types"

/** A delivery product as the admin API shows it: secrets (`secret`, `password`, `bot_token`) masked, `••••abcd`. */
export type AdminDeliveryProduct = DeliveryProductDTO

/** `GET /admin/delivery-products` */
export type AdminDeliveryProductsResponse = { delivery_products: AdminDeliveryProduct[]; count: number }
/** `GET|POST /admin/delivery-products/:id`, `POST /admin/delivery-products` */
export type AdminDeliveryProductResponse = { delivery_product: AdminDeliveryProduct }
