export { CreateWorkshopPage } from './CreateWorkshopPage.tsx';
export { FacilitatorPage } from './FacilitatorPage.tsx';
export { JoinPage } from './JoinPage.tsx';
export { ParticipantPage } from './ParticipantPage.tsx';
export { WorkshopHomeCard } from './WorkshopHomeCard.tsx';
