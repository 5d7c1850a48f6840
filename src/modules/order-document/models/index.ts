export { DocumentJob } from "./document-job"
