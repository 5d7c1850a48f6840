export { DocumentJob } from "./document-job"
export { Invoice, InvoiceCounter } from "./invoice"
