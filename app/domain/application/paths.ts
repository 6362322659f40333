// Where the detailed application lives for the applicant (client-safe: pages and services share it).
import type { ApplicationSectionId } from "./sections";

export const APPLICATION_HOME = "/applicant/application";
export const applicationPagePath = (sectionId: ApplicationSectionId, pageIndex: number) => `${APPLICATION_HOME}/${sectionId}/${pageIndex + 1}`;
