// the three roles of the service and where each one starts.
export const ROLES = ["applicant", "assessor", "programme_manager"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  applicant: "Local authority officer",
  assessor: "Assessor",
  programme_manager: "Programme manager",
};

export const ROLE_HOME: Record<Role, string> = {
  applicant: "/applicant",
  assessor: "/assess",
  programme_manager: "/manage",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Navigation shown in the service navigation bar, by role. */
export interface NavigationItem {
  href: string;
  text: string;
  /** Other paths that belong to this section of the service. */
  also?: string[];
}

export function navigationFor(role: Role | null): NavigationItem[] {
  switch (role) {
    case "applicant":
      return [{ href: "/applicant", text: "Your bid" }];
    case "assessor":
      return [
        { href: "/assess", text: "Your assessments" },
        { href: "/assess/conflicts", text: "Conflicts of interest" },
      ];
    case "programme_manager":
      return [
        { href: "/manage", text: "Programme" },
        { href: "/manage/eois", text: "Expressions of interest" },
        { href: "/manage/sift", text: "Sift" },
        { href: "/manage/applications", text: "Applications and awards", also: ["/manage/awards"] },
        { href: "/manage/monitoring", text: "Monitoring" },
        { href: "/manage/users", text: "Users" },
        { href: "/manage/emails", text: "Emails" },
      ];
    default:
      return [];
  }
}
