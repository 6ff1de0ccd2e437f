export { ARTIFACT_KINDS, artifactFileName, artifactKindInfo, isArtifactKind, keepBothFileName, type ArtifactKind } from './kinds';
export { generateArtifact, generateAllArtifacts, type GeneratedArtifact } from './generate';
export { inspectExisting, parseHeader, designHash, type ExistingState } from './header';
export { compareArtifact, describeStatus, type ArtifactStatus } from './check';
export { planWrite, type WritePlan } from './plan';
