export { ARTIFACT_KINDS, ESTATE_ARTIFACT, artifactFileName, artifactKindInfo, estateFileName, isArtifactKind, keepBothFileName, type ArtifactKind, type GeneratedKind } from './kinds';
export { generateArtifact, generateAllArtifacts, type GeneratedArtifact, type GeneratedFile } from './generate';
export { generateEstateRisks, estateInputsText, type EstateRisksInput } from './estateRisks';
export { inspectExisting, parseHeader, designHash, type ExistingState } from './header';
export { compareArtifact, describeStatus, type ArtifactStatus } from './check';
export { planWrite, type WritePlan } from './plan';
